package org.allo.lang.verify;

import java.util.Arrays;
import java.util.List;

/**
 * Compares the outputs of two symbolic runs element by element through their canonical terms: first
 * exactly, then, for the elements that differ, up to reassociation of float + and x.
 */
final class OutputComparison {

	/** How the outputs compare. */
	enum Outcome {
		EQUAL, EQUAL_UP_TO_REASSOCIATION, DIFFERENT
	}

	record Result(Outcome outcome, Difference difference) {
	}

	private final Normaliser exact;
	private final Normaliser reassociating;

	OutputComparison(Normaliser exact, Normaliser reassociating) {
		this.exact = exact;
		this.reassociating = reassociating;
	}

	/** The signatures must already match ({@link #signatureMismatch}). */
	Result compare(List<SymbolicOutput> before, List<SymbolicOutput> after, Budget budget) throws CannotVerify {
		Difference first = null;
		Difference firstStrict = null;
		int differing = 0;
		for (int o = 0; o < before.size(); o++) {
			int[] a = before.get(o).terms();
			int[] b = after.get(o).terms();
			for (int e = 0; e < a.length; e++) {
				budget.tick();
				int ca = exact.canonical(a[e]);
				int cb = exact.canonical(b[e]);
				if (ca == cb) {
					continue;
				}
				Difference difference = new Difference(o, before.get(o).label(), before.get(o).shape(), e, ca, cb, 0);
				if (firstStrict == null) {
					firstStrict = difference;
				}
				if (reassociating.canonical(a[e]) != reassociating.canonical(b[e])) {
					differing++;
					if (first == null) {
						first = difference;
					}
				}
			}
		}
		if (first != null) {
			return new Result(Outcome.DIFFERENT, new Difference(first.output(), first.label(), first.shape(), first.element(), first.before(),
					first.after(), differing));
		}
		return new Result(firstStrict == null ? Outcome.EQUAL : Outcome.EQUAL_UP_TO_REASSOCIATION, firstStrict);
	}

	/**
	 * Why the two runs' outputs cannot be paired, or null when their number, element counts and types
	 * match. Shapes may differ: {@code reshape} of a returned buffer keeps its row-major elements, which
	 * are what is compared.
	 */
	static String signatureMismatch(List<SymbolicOutput> before, List<SymbolicOutput> after) {
		if (before.size() != after.size()) {
			return "the kernels have " + before.size() + " and " + after.size() + " outputs";
		}
		for (int o = 0; o < before.size(); o++) {
			SymbolicOutput a = before.get(o);
			SymbolicOutput b = after.get(o);
			if (elements(a.shape()) != elements(b.shape()) || a.element() != null && b.element() != null
					&& !IrTypeFacts.sameType(a.element(), b.element())) {
				return a.label() + " and " + b.label() + " differ in element count or element type";
			}
		}
		return null;
	}

	private static long elements(long[] shape) {
		return Arrays.stream(shape).reduce(1, Math::multiplyExact);
	}
}
