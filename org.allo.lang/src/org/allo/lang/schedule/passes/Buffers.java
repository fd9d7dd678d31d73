package org.allo.lang.schedule.passes;

import java.util.List;
import java.util.Optional;

import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFunction;
import org.eclipse.emf.ecore.util.EcoreUtil;

/** Finds buffers (parameters, locals, state) in the IR by the names schedules use. */
public final class Buffers {

	private Buffers() {
	}

	public static Optional<IrBuffer> find(ScheduleState state, String reference) {
		int colon = reference.indexOf(':');
		List<IrFunction> scope = colon < 0 ? List.of(state.top())
				: PassContext.instancesOf(state, reference.substring(0, colon));
		String name = Loops.unqualified(reference);
		for (IrFunction function : scope) {
			Optional<IrBuffer> buffer = byName(function, name);
			if (buffer.isPresent()) {
				return buffer;
			}
		}
		return state.module().getGlobals().stream().filter(b -> name.equals(b.getName())).findFirst();
	}

	public static Optional<IrBuffer> byName(IrFunction function, String name) {
		Iterable<Object> contents = () -> EcoreUtil.getAllContents(function, false);
		for (Object node : contents) {
			if (node instanceof IrBuffer buffer && name.equals(buffer.getName())) {
				return Optional.of(buffer);
			}
		}
		return Optional.empty();
	}
}
