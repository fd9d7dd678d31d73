package org.allo.codegen.kernel;

import java.math.BigInteger;

import org.allo.codegen.cpp.CExpr;
import org.allo.codegen.cpp.CType;
import org.allo.lang.interpreter.FloatRounding;
import org.allo.lang.ir.IrFloatKind;

/**
 * C++ literals of a given type. Floats print the shortest decimal that reads back as the same value
 * (Java's Float/Double.toString), so the constant is exact; ap types wider than 64 bits take a hex string.
 */
final class Literals {

	private Literals() {
	}

	static CExpr zero(CType type) {
		return integer(BigInteger.ZERO, type);
	}

	static CExpr integer(BigInteger value, CType type) {
		return switch (type.kind()) {
		case BOOL -> new CExpr.Literal(value.testBit(0) ? "true" : "false");
		case INT -> new CExpr.Literal(value.toString());
		case NATIVE_INT -> new CExpr.Literal(nativeInteger(value, type));
		case AP_INT, AP_FIXED -> value.bitLength() < 64 ? new CExpr.Cast(type, new CExpr.Literal(value + "LL"))
				: new CExpr.Call(type.spelling(), java.util.List.of(new CExpr.Literal("\"" + (value.signum() < 0 ? "-" : "")
						+ "0x" + value.abs().toString(16) + "\""), new CExpr.Literal("16")));
		default -> real(value.doubleValue(), type);
		};
	}

	/** value is rounded to the type first, as the interpreter does with a constant. */
	static CExpr real(double value, CType type) {
		return switch (type.kind()) {
		case DOUBLE -> new CExpr.Literal(doubleText(value));
		case FLOAT -> new CExpr.Literal(floatText((float) value));
		case BFLOAT16 -> new CExpr.Literal(floatText((float) FloatRounding.round(value, IrFloatKind.BF16)));
		case HALF -> new CExpr.Cast(type, new CExpr.Literal(floatText((float) FloatRounding.round(value, IrFloatKind.F16))));
		case AP_FIXED -> new CExpr.Cast(type, new CExpr.Literal(doubleText(value)));
		default -> integer(java.math.BigDecimal.valueOf(value).toBigInteger(), type);
		};
	}

	private static String nativeInteger(BigInteger value, CType type) {
		String suffix = type.bits() == 64 ? (type.signed() ? "LL" : "ULL") : type.signed() ? "" : "U";
		if (type.signed() && type.bits() >= 32 && value.equals(BigInteger.ONE.shiftLeft(type.bits() - 1).negate())) {
			// -2147483648 is the negation of a literal that does not fit: write it as (MIN + 1) - 1
			return "(" + value.add(BigInteger.ONE) + suffix + " - 1" + suffix + ")";
		}
		return value + suffix;
	}

	private static String doubleText(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return value > 0 ? "__builtin_inf()" : value < 0 ? "-__builtin_inf()" : "__builtin_nan(\"\")";
		}
		return Double.toString(value);
	}

	private static String floatText(float value) {
		if (Float.isNaN(value) || Float.isInfinite(value)) {
			return value > 0 ? "__builtin_inff()" : value < 0 ? "-__builtin_inff()" : "__builtin_nanf(\"\")";
		}
		return Float.toString(value) + "f";
	}
}
