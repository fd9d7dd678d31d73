package org.allo.lang.interpreter;

import org.allo.lang.ir.IrFloatKind;

/**
 * Rounds a double to the precision of an IR float kind with round-to-nearest-even, so that every
 * float operation behaves as if computed in the narrow format: float16 (11 significant bits, exponents
 * -14..15) and bfloat16 (8 significant bits, float32's exponent range) have no Java type of their own.
 */
public final class FloatRounding {

	private FloatRounding() {
	}

	public static double round(double value, IrFloatKind kind) {
		return switch (kind) {
		case F64 -> value;
		case F32 -> (float) value;
		case F16 -> round(value, 11, -14, 65504.0);
		case BF16 -> round(value, 8, -126, Math.scalb(2.0 - Math.scalb(1.0, -7), 127));
		};
	}

	/**
	 * Rounds to {@code significantBits} bits; below the smallest normal exponent the quantum stays at
	 * that of the subnormals. Magnitudes that round above {@code largestFinite} overflow to infinity.
	 */
	private static double round(double value, int significantBits, int minExponent, double largestFinite) {
		if (value == 0 || !Double.isFinite(value)) {
			return value;
		}
		int quantumExponent = Math.max(Math.getExponent(value), minExponent) - (significantBits - 1);
		double rounded = Math.scalb(Math.rint(Math.scalb(value, -quantumExponent)), quantumExponent);
		return Math.abs(rounded) > largestFinite ? Math.copySign(Double.POSITIVE_INFINITY, value) : rounded;
	}
}
