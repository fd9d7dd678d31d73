package org.allo.lang.types;

/** {@code Float(bits, mantissa)}: float16, bfloat16, float32, float64. */
public record FloatType(int bits, int mantissa) implements Type {

	public static final FloatType FLOAT32 = new FloatType(32, 23);
	public static final FloatType FLOAT64 = new FloatType(64, 52);

	@Override
	public String display() {
		if (bits == 16 && mantissa == 10) {
			return "float16";
		} else if (bits == 16 && mantissa == 7) {
			return "bfloat16";
		} else if (bits == 32 && mantissa == 23) {
			return "float32";
		} else if (bits == 64 && mantissa == 52) {
			return "float64";
		}
		return "Float(" + bits + ", " + mantissa + ")";
	}

	@Override
	public String toString() {
		return display();
	}
}
