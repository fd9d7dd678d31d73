package org.allo.lang.schedule.passes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrStatement;
import org.eclipse.emf.ecore.EObject;

/** Finds loops in the IR by the names schedules use: loop names, {@code kernel:loop}, band names. */
public final class Loops {

	private Loops() {
	}

	public static Optional<IrFor> find(ScheduleState state, String reference) {
		int colon = reference.indexOf(':');
		List<IrFunction> scope = colon < 0 ? List.of(state.top())
				: PassContext.instancesOf(state, reference.substring(0, colon));
		String name = unqualified(reference);
		for (IrFunction function : scope) {
			Optional<IrFor> loop = byLoopName(function, name).or(() -> inBand(function, name))
					.or(() -> outermostOfBand(function, name));
			if (loop.isPresent()) {
				return loop;
			}
		}
		return Optional.empty();
	}

	public static String unqualified(String reference) {
		return reference.substring(reference.indexOf(':') + 1);
	}

	public static Optional<IrFor> byLoopName(IrFunction function, String name) {
		return all(function).stream().filter(loop -> name.equals(loop.getLoopName())).findFirst();
	}

	/** {@code "C.j"}: loop {@code j} of band {@code C}, the form that picks one of two loops of one name. */
	public static Optional<IrFor> inBand(IrFunction function, String qualified) {
		int dot = qualified.indexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		String band = qualified.substring(0, dot);
		String name = qualified.substring(dot + 1);
		return all(function).stream().filter(loop -> band.equals(loop.getBandName()) && name.equals(loop.getLoopName())).findFirst();
	}

	/** The outermost loop of band {@code band}: the one whose parent is not a loop of the same band. */
	public static Optional<IrFor> outermostOfBand(IrFunction function, String band) {
		return all(function).stream().filter(loop -> band.equals(loop.getBandName())).findFirst();
	}

	/** Every loop of {@code root} in pre-order (outer before inner, source order). */
	public static List<IrFor> all(EObject root) {
		List<IrFor> loops = new ArrayList<>();
		collect(root, loops);
		return loops;
	}

	/** Loops live in statement trees only: expressions are not walked, which keeps lookups cheap on large kernels. */
	private static void collect(EObject node, List<IrFor> loops) {
		if (node instanceof IrFor loop) {
			loops.add(loop);
		}
		for (EObject child : node.eContents()) {
			if (child instanceof IrStatement || child instanceof IrFunction) {
				collect(child, loops);
			}
		}
	}

	public static List<String> names(IrFunction function) {
		return all(function).stream().map(IrFor::getLoopName).distinct().toList();
	}
}
