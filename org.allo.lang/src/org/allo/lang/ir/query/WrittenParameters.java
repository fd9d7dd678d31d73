package org.allo.lang.ir.query;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrStreamPut;
import org.allo.lang.ir.IrTensorType;
import org.eclipse.emf.ecore.EObject;

/**
 * The tensor parameters a function writes: stored to in its body, or passed whole or as a view
 * ({@code G[r]}) to a called function that writes the matching parameter. {@code allo sim -o} saves exactly
 * these; the generated top function copies exactly these back to its ports.
 */
public final class WrittenParameters {

	private WrittenParameters() {
	}

	public static boolean writes(IrFunction function, IrBuffer parameter) {
		return writes(function, parameter, new HashSet<>());
	}

	private static boolean writes(IrFunction function, IrBuffer parameter, Set<IrBuffer> visited) {
		if (!visited.add(parameter)) {
			return false;
		}
		for (var contents = function.getBody().eAllContents(); contents.hasNext();) {
			EObject node = contents.next();
			if (node instanceof IrStore store && store.getBuffer() == parameter
					|| node instanceof IrStreamPut put && put.getStream() == parameter
					|| node instanceof IrCall call && passesToWriter(call, parameter, visited)) {
				return true;
			}
		}
		return false;
	}

	private static boolean passesToWriter(IrCall call, IrBuffer buffer, Set<IrBuffer> visited) {
		List<IrExpr> args = call.getArgs();
		IrFunction callee = call.getFunction();
		for (int i = 0; i < args.size() && callee != null && i < callee.getParams().size(); i++) {
			if (args.get(i) instanceof IrLoad load && load.getBuffer() == buffer && load.getType() instanceof IrTensorType
					&& callee.getParams().get(i) instanceof IrBuffer calleeParameter
					&& writes(callee, calleeParameter, visited)) {
				return true;
			}
		}
		return false;
	}
}
