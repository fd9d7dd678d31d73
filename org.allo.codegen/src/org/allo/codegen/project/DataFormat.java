package org.allo.codegen.project;

import java.math.BigInteger;

import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.Tensor;
import org.allo.lang.ir.IrFixedType;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrType;
import org.allo.lang.npy.HalfFloat;

/**
 * The data/ file format that allo_data.h reads: one element per line, the element's bits in hexadecimal.
 * Integers and fixed point: the raw two's-complement bits of their width (fixed point: value · 2^F) in
 * ceil(W/4) digits; half: binary16 bits; float and bfloat16 (held in a float): binary32 bits; double:
 * binary64 bits; index: 32 bits (C int). Bits, not decimals, so the check is exact for every type.
 */
final class DataFormat {

	private DataFormat() {
	}

	static String file(Object value, IrType element) {
		Tensor tensor = value instanceof Tensor t ? t : new Tensor(new long[0], (Scalar) value);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < tensor.size(); i++) {
			text.append(element(tensor.get(i), element)).append('\n');
		}
		return text.toString();
	}

	static String element(Scalar value, IrType type) {
		if (type instanceof IrFloatType real) {
			double v = value.toDouble();
			return switch (real.getKind()) {
			case F16 -> hex(BigInteger.valueOf(HalfFloat.fromDouble(v)), 16);
			case BF16, F32 -> hex(BigInteger.valueOf(Float.floatToRawIntBits((float) v) & 0xffffffffL), 32);
			case F64 -> hex(new BigInteger(Long.toUnsignedString(Double.doubleToRawLongBits(v))), 64);
			};
		}
		BigInteger raw = ((Scalar.Exact) value).raw();
		if (type instanceof IrIntType integer) {
			return hex(raw, integer.getBits());
		}
		if (type instanceof IrFixedType fixed) {
			return hex(raw, fixed.getBits());
		}
		return hex(raw, 32);
	}

	private static String hex(BigInteger raw, int bits) {
		BigInteger bitsOnly = raw.mod(BigInteger.ONE.shiftLeft(bits));
		String digits = bitsOnly.toString(16);
		return "0".repeat(Math.max(0, (bits + 3) / 4 - digits.length())) + digits;
	}
}
