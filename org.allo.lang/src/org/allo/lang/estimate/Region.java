package org.allo.lang.estimate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.IrVarRef;
import org.eclipse.emf.ecore.EObject;

/**
 * The hardware one iteration of a pipelined (or one block of an unrolled) loop becomes: the loop
 * body with every loop inside it fully unrolled, so a statement there exists once per value of
 * the unrolled variables it is under. {@code copies} holds, per loop variable, how many values
 * one iteration covers: the unroll factor of the region's own loop, the trip count of each loop
 * inside it.
 */
final class Region {

	private final IrFor loop;
	private final Map<IrVar, Long> copies = new HashMap<>();

	Region(IrFor loop, long ownCopies, Map<IrFor, Long> innerTrips) {
		this.loop = loop;
		copies.put(loop.getVar(), ownCopies);
		innerTrips.forEach((inner, trips) -> copies.put(inner.getVar(), trips));
	}

	IrFor loop() {
		return loop;
	}

	long copiesOf(IrVar var) {
		return copies.getOrDefault(var, 1L);
	}

	/** How many copies of {@code node} one iteration holds: the product over the unrolled loops around it inside the region. */
	long copiesAround(EObject node) {
		long count = 1;
		for (EObject parent = node.eContainer(); parent != null && parent != loop; parent = parent.eContainer()) {
			if (parent instanceof IrFor inner) {
				count *= copiesOf(inner.getVar());
			}
		}
		return count;
	}

	/** Product of the copies of the unrolled variables in {@code vars}: how many different values they take in one iteration. */
	long distinct(Set<IrVar> vars) {
		long count = 1;
		for (IrVar var : vars) {
			count *= copiesOf(var);
		}
		return count;
	}

	static Set<IrVar> variables(IrExpr expr) {
		Set<IrVar> vars = new HashSet<>();
		if (expr instanceof IrVarRef ref) {
			vars.add(ref.getVar());
		}
		expr.eAllContents().forEachRemaining(node -> {
			if (node instanceof IrVarRef ref) {
				vars.add(ref.getVar());
			}
		});
		return vars;
	}
}
