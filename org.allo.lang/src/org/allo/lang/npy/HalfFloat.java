package org.allo.lang.npy;

/** IEEE 754 binary16 conversions; written out because Float.float16ToFloat needs Java 20 and we run on 17. */
public final class HalfFloat {

	private static final int MANTISSA_BITS = 10;
	private static final int BIAS = 15;
	private static final double LARGEST_BELOW_INFINITY_ROUNDING = 65520.0;

	private HalfFloat() {
	}

	public static double toDouble(int bits) {
		double sign = (bits & 0x8000) != 0 ? -1.0 : 1.0;
		int exponent = (bits >> MANTISSA_BITS) & 0x1f;
		int mantissa = bits & 0x3ff;
		if (exponent == 0x1f) {
			return mantissa == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
		}
		if (exponent == 0) {
			return sign * Math.scalb((double) mantissa, 1 - BIAS - MANTISSA_BITS);
		}
		return sign * Math.scalb((double) (mantissa | 0x400), exponent - BIAS - MANTISSA_BITS);
	}

	/** Rounds to nearest, ties to even, like NumPy's float16 cast. */
	public static int fromDouble(double value) {
		if (Double.isNaN(value)) {
			return 0x7e00;
		}
		int sign = (Double.doubleToRawLongBits(value) < 0) ? 0x8000 : 0;
		double magnitude = Math.abs(value);
		if (magnitude >= LARGEST_BELOW_INFINITY_ROUNDING) {
			return sign | 0x7c00;
		}
		int exponent = Math.getExponent(magnitude);
		if (exponent < 1 - BIAS) {
			// subnormal: the rounded count of 2^-24 steps; 1024 of them is the smallest normal, whose bits are the same
			return sign | (int) Math.rint(Math.scalb(magnitude, BIAS - 1 + MANTISSA_BITS));
		}
		int significand = (int) Math.rint(Math.scalb(magnitude, MANTISSA_BITS - exponent));
		if (significand == 0x800) {
			significand = 0x400;
			exponent++;
		}
		return sign | ((exponent + BIAS) << MANTISSA_BITS) | (significand & 0x3ff);
	}
}
