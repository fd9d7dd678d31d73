package org.allo.lang.interpreter;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * One scalar value of the simulation. Integers, index values and fixed-point numbers are {@link Exact}
 * (a raw integer scaled by 2^-fracs, so integers have fracs 0); floating-point numbers are {@link Real}
 * (a double already rounded to the precision of its IR type).
 */
public sealed interface Scalar permits Scalar.Exact, Scalar.Real {

	/** The value as a double, for float arithmetic and for tests. */
	double toDouble();

	/** True when the value is non-zero (the truth of a condition). */
	boolean isTrue();

	static Exact of(long value) {
		return new Exact(BigInteger.valueOf(value), 0);
	}

	static Real of(double value) {
		return new Real(value);
	}

	/** raw * 2^-fracs exactly. */
	record Exact(BigInteger raw, int fracs) implements Scalar {

		@Override
		public double toDouble() {
			return new BigDecimal(raw).divide(new BigDecimal(BigInteger.ONE.shiftLeft(fracs))).doubleValue();
		}

		@Override
		public boolean isTrue() {
			return raw.signum() != 0;
		}

		/** The raw value rescaled to the given number of fractional bits, dropping bits by floor. */
		BigInteger rawAt(int targetFracs) {
			return targetFracs >= fracs ? raw.shiftLeft(targetFracs - fracs) : raw.shiftRight(fracs - targetFracs);
		}

		/** The integer part, truncated toward zero like ap_fixed::to_int (docs/SEMANTICS.md). */
		public BigInteger integerPart() {
			return raw.divide(BigInteger.ONE.shiftLeft(fracs));
		}

		/** The low 64 bits of the integer part. */
		public long toLong() {
			return integerPart().longValue();
		}
	}

	record Real(double value) implements Scalar {

		@Override
		public double toDouble() {
			return value;
		}

		@Override
		public boolean isTrue() {
			return value != 0;
		}
	}
}
