package org.allo.lang.schedule.analysis;

/**
 * The values a loop variable or index may take, inclusive. Unknown bounds are
 * {@link #UNBOUNDED}: far beyond any tensor extent, so tests against them stay conservative.
 */
public record Interval(long low, long high) {

	public static final long UNBOUNDED = 1L << 40;

	public static final Interval ANY = new Interval(-UNBOUNDED, UNBOUNDED);

	public boolean isEmpty() {
		return low > high;
	}

	public boolean isBounded() {
		return low > -UNBOUNDED && high < UNBOUNDED;
	}

	/** The number of values, when bounded. */
	public long size() {
		return isEmpty() ? 0 : high - low + 1;
	}

	Interval plus(Interval other) {
		return new Interval(clamp(low + other.low), clamp(high + other.high));
	}

	Interval times(long factor) {
		long a = product(low, factor);
		long b = product(high, factor);
		return new Interval(Math.min(a, b), Math.max(a, b));
	}

	private static long product(long value, long factor) {
		try {
			return clamp(Math.multiplyExact(value, factor));
		} catch (ArithmeticException overflow) {
			return Long.signum(value) * Long.signum(factor) > 0 ? UNBOUNDED : -UNBOUNDED;
		}
	}

	private static long clamp(long value) {
		return Math.max(-UNBOUNDED, Math.min(UNBOUNDED, value));
	}
}
