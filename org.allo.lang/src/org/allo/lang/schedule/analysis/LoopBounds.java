package org.allo.lang.schedule.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrVar;
import org.eclipse.emf.ecore.EObject;

/**
 * The range of each loop variable: constant bounds exactly, affine bounds in enclosing loop
 * variables (triangular nests) by interval arithmetic over those loops, anything else unbounded.
 */
public final class LoopBounds {

	private final Map<IrFor, Interval> ranges = new HashMap<>();

	/** The values {@code loop}'s variable takes; empty when the loop never runs. */
	public Interval of(IrFor loop) {
		Interval known = ranges.get(loop);
		if (known != null) {
			return known;
		}
		Interval lower = interval(AffineForm.of(loop.getLower(), LoopBounds::isInductionVariable), loop);
		Interval upper = interval(AffineForm.of(loop.getUpper(), LoopBounds::isInductionVariable), loop);
		Interval range = loop.getStep() > 0 ? new Interval(lower.low(), upper.high() - 1) : Interval.ANY;
		ranges.put(loop, range);
		return range;
	}

	/** The trip count when both bounds are constants and the step positive; empty otherwise. */
	public static Optional<Long> constantTripCount(IrFor loop) {
		Optional<AffineForm> lower = AffineForm.of(loop.getLower(), var -> false);
		Optional<AffineForm> upper = AffineForm.of(loop.getUpper(), var -> false);
		if (lower.isEmpty() || upper.isEmpty() || loop.getStep() <= 0) {
			return Optional.empty();
		}
		long span = upper.get().constant() - lower.get().constant();
		return Optional.of(span <= 0 ? 0 : (span + loop.getStep() - 1) / loop.getStep());
	}

	/** The range of an affine form whose variables are induction variables of loops around {@code at}. */
	public Interval interval(Optional<AffineForm> form, EObject at) {
		if (form.isEmpty()) {
			return Interval.ANY;
		}
		Interval sum = new Interval(form.get().constant(), form.get().constant());
		for (Map.Entry<IrVar, Long> term : form.get().coefficients().entrySet()) {
			IrFor owner = enclosingLoopOf(term.getKey(), at);
			sum = sum.plus(owner == null ? Interval.ANY : of(owner).times(term.getValue()));
		}
		return sum;
	}

	static boolean isInductionVariable(IrVar var) {
		return var.eContainer() instanceof IrFor loop && loop.getVar() == var;
	}

	private static IrFor enclosingLoopOf(IrVar var, EObject at) {
		for (EObject node = at.eContainer(); node != null; node = node.eContainer()) {
			if (node instanceof IrFor loop && loop.getVar() == var) {
				return loop;
			}
		}
		return null;
	}
}
