package org.allo.lang.interpreter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares what two runs of a kernel produced (its arguments after the call and its results):
 * integers, index values and fixed point bit for bit, floats within a tight tolerance
 * ({@value #RELATIVE} relative plus {@value #ABSOLUTE} absolute), since a legal schedule may
 * re-associate a float accumulation.
 */
public final class Outcomes {

	public static final double RELATIVE = 1e-5;
	public static final double ABSOLUTE = 1e-6;

	private Outcomes() {
	}

	/**
	 * The first element where {@code actual} differs from {@code expected}, described as
	 * {@code "C[2, 3]: expected 5, got 7"}; values pair up by position with {@code names}.
	 */
	public static Optional<String> firstDifference(List<String> names, List<Object> expected, List<Object> actual) {
		for (int v = 0; v < expected.size(); v++) {
			Object want = expected.get(v);
			Object got = actual.get(v);
			if (want instanceof Tensor wantTensor && got instanceof Tensor gotTensor) {
				for (int i = 0; i < wantTensor.size(); i++) {
					if (!same(wantTensor.get(i), gotTensor.get(i))) {
						return Optional.of(names.get(v) + position(wantTensor.shape(), i) + ": expected " + text(wantTensor.get(i)) + ", got "
								+ text(gotTensor.get(i)));
					}
				}
			} else if (want instanceof Scalar wantScalar && got instanceof Scalar gotScalar && !same(wantScalar, gotScalar)) {
				return Optional.of(names.get(v) + ": expected " + text(wantScalar) + ", got " + text(gotScalar));
			}
		}
		return Optional.empty();
	}

	static boolean same(Scalar expected, Scalar actual) {
		if (expected instanceof Scalar.Exact a && actual instanceof Scalar.Exact b) {
			int fracs = Math.max(a.fracs(), b.fracs());
			return a.rawAt(fracs).equals(b.rawAt(fracs));
		}
		double a = expected.toDouble();
		double b = actual.toDouble();
		return Double.compare(a, b) == 0 || Math.abs(a - b) <= ABSOLUTE + RELATIVE * Math.abs(a);
	}

	private static String text(Scalar value) {
		if (value instanceof Scalar.Exact exact && exact.fracs() == 0) {
			return exact.raw().toString();
		}
		return String.valueOf(value.toDouble());
	}

	private static String position(long[] shape, int offset) {
		if (shape.length == 0) {
			return "";
		}
		List<String> indices = new ArrayList<>();
		long rest = offset;
		for (int d = shape.length - 1; d >= 0; d--) {
			indices.add(0, String.valueOf(rest % shape[d]));
			rest /= shape[d];
		}
		return "[" + String.join(", ", indices) + "]";
	}
}
