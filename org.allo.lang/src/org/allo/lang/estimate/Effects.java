package org.allo.lang.estimate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.allo.lang.ir.IrAssign;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrDeclare;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrStreamGet;
import org.allo.lang.ir.IrStreamPut;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.IrVarRef;
import org.eclipse.emf.ecore.EObject;

/**
 * What a statement reads and writes (variables, buffers, streams), so that independent
 * statements overlap and dataflow stages connect producer to consumer. A tensor passed to a call
 * is read, and written when the callee writes that parameter (directly or through its own calls).
 */
final class Effects {

	record Of(Set<EObject> reads, Set<EObject> writes) {

		boolean conflicts(Of later) {
			return intersects(writes, later.reads) || intersects(writes, later.writes) || intersects(reads, later.writes);
		}

		private static boolean intersects(Set<EObject> a, Set<EObject> b) {
			for (EObject x : a) {
				if (b.contains(x)) {
					return true;
				}
			}
			return false;
		}
	}

	private final Map<IrFunction, Set<Integer>> writtenParams = new HashMap<>();

	Of of(EObject statement) {
		Set<EObject> reads = new HashSet<>();
		Set<EObject> writes = new HashSet<>();
		visit(statement, reads, writes);
		statement.eAllContents().forEachRemaining(node -> visit(node, reads, writes));
		return new Of(reads, writes);
	}

	private void visit(EObject node, Set<EObject> reads, Set<EObject> writes) {
		if (node instanceof IrVarRef ref) {
			reads.add(ref.getVar());
		} else if (node instanceof IrLoad load) {
			reads.add(load.getBuffer());
		} else if (node instanceof IrStreamGet get) {
			reads.add(get.getStream());
		} else if (node instanceof IrAssign assign) {
			writes.add(assign.getTarget());
		} else if (node instanceof IrDeclare declare) {
			writes.add(declare.getVar());
		} else if (node instanceof IrStore store) {
			writes.add(store.getBuffer());
		} else if (node instanceof IrStreamPut put) {
			writes.add(put.getStream());
		} else if (node instanceof IrCall call && call.getFunction() != null) {
			Set<Integer> written = writtenParams(call.getFunction());
			for (int i = 0; i < call.getArgs().size(); i++) {
				IrExpr arg = call.getArgs().get(i);
				if (arg instanceof IrLoad load && load.getIndices().isEmpty() && written.contains(i)) {
					writes.add(load.getBuffer());
				}
			}
		}
	}

	/** The positions of {@code function}'s parameters it writes (stores, stream writes, or through its callees). */
	Set<Integer> writtenParams(IrFunction function) {
		Set<Integer> known = writtenParams.get(function);
		if (known != null) {
			return known;
		}
		writtenParams.put(function, Set.of());
		Of body = of(function.getBody());
		Set<Integer> written = new HashSet<>();
		for (int i = 0; i < function.getParams().size(); i++) {
			IrValue param = function.getParams().get(i);
			if (param instanceof IrBuffer && body.writes().contains(param)) {
				written.add(i);
			}
		}
		writtenParams.put(function, written);
		return written;
	}
}
