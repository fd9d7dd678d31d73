package org.allo.lang.schedule.analysis;

import java.util.List;
import java.util.Optional;

import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.printer.IrExpressions;
import org.eclipse.emf.ecore.EObject;

/**
 * One read or write of a buffer or scalar inside the analysed region.
 *
 * @param node the IR node that accesses (IrLoad, IrStore, IrVarRef, IrAssign, IrCall, stream ops)
 * @param target the buffer or scalar variable accessed
 * @param write whether the access writes
 * @param indices one affine form per dimension, an empty Optional for a subscript the test cannot read; null
 *        when the access may touch any element (a call, a stream, a whole-buffer copy)
 * @param loops the loops around the access inside the analysed region, outermost first
 * @param order the position of the access in execution order within one iteration (reads of a
 *        statement come before its write)
 */
public record Access(EObject node, IrValue target, boolean write, List<Optional<AffineForm>> indices, List<IrFor> loops,
		int order) {

	/** Whether the test can read every subscript: the access is to one element given by affine forms. */
	public boolean isAffine() {
		return indices != null && indices.stream().allMatch(Optional::isPresent);
	}

	public boolean isScalar() {
		return target instanceof IrVar;
	}

	/** The source line of the statement holding the access (0 when unknown). */
	public int line() {
		for (EObject at = node; at != null; at = at.eContainer()) {
			if (at instanceof IrStatement statement && statement.getLine() > 0) {
				return statement.getLine();
			}
		}
		return 0;
	}

	/** {@code C[i, j]} as the IR printer writes the subscripts, or the scalar's name. */
	public String describe() {
		if (node instanceof IrLoad load) {
			return target.getName() + IrExpressions.indicesOrEmpty(load.getIndices());
		}
		if (node instanceof IrStore store) {
			return target.getName() + IrExpressions.indicesOrEmpty(store.getIndices());
		}
		return target.getName();
	}
}
