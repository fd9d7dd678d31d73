package org.allo.codegen.kernel;

import java.util.List;

import org.allo.codegen.cpp.CBinaryOp;
import org.allo.codegen.cpp.CExpr;
import org.allo.codegen.cpp.CType;
import org.allo.codegen.cpp.CType.Kind;

/**
 * C++ conversions that give Allo's results (docs/SEMANTICS.md) with both AMD's headers and ours: integers
 * wrap, fixed point truncates (AP_TRN) and wraps (AP_WRAP), fixed and float to integer truncate toward zero.
 * Only the public API both header sets share is used: casts, {@code to_int64()}, {@code to_double()},
 * {@code to_float()}, {@code to_half()}, bit selection.
 */
final class Conversions {

	private static final CType AP_INT64 = CType.apInt(64, true);

	private final Helpers helpers;

	Conversions(Helpers helpers) {
		this.helpers = helpers;
	}

	CExpr convert(CExpr value, CType from, CType to) {
		if (from.equals(to)) {
			return value;
		}
		return switch (to.kind()) {
		case BOOL -> toBool(value, from);
		case NATIVE_INT, INT -> toNativeInteger(value, from, to);
		case AP_INT, AP_FIXED -> new CExpr.Cast(to, fromHalf(value, from));
		case HALF -> from.kind() == Kind.AP_FIXED ? method(value, "to_half")
				: new CExpr.Cast(to, from.kind() == Kind.AP_INT ? method(value, "to_double") : value);
		case BFLOAT16 -> helpers.roundBfloat16(toDoubleOperand(value, from));
		case FLOAT -> from.kind() == Kind.AP_FIXED ? method(value, "to_float")
				: from.kind() == Kind.BFLOAT16 ? value : new CExpr.Cast(to, toDoubleOperand(value, from));
		case DOUBLE -> from.isArbitraryPrecision() ? method(value, "to_double") : new CExpr.Cast(to, value);
		default -> throw new IllegalArgumentException("no conversion from " + from + " to " + to);
		};
	}

	/** A C++ expression usable where a double is expected: ap types through to_double(), others as they are. */
	CExpr toDoubleOperand(CExpr value, CType from) {
		return from.isArbitraryPrecision() ? method(value, "to_double") : value;
	}

	/** The value as an {@code int} for subscripts, loop bounds and shift amounts. */
	CExpr toIndex(CExpr value, CType from) {
		return from.kind() == Kind.INT ? value : convert(value, from, CType.INT);
	}

	/** A condition for if/while/&&/||: non-zero is true. */
	CExpr toCondition(CExpr value, CType from) {
		if (from.kind() == Kind.BOOL) {
			return value;
		}
		return new CExpr.Binary(CBinaryOp.NE, value, Literals.zero(from));
	}

	/** Allo keeps the low bit: int 2 converts to false. */
	private CExpr toBool(CExpr value, CType from) {
		return switch (from.kind()) {
		case AP_INT -> new CExpr.Cast(CType.BOOL, lowBit(value));
		case AP_FIXED -> new CExpr.Cast(CType.BOOL, lowBit(new CExpr.Cast(AP_INT64, value)));
		case NATIVE_INT, INT -> new CExpr.Cast(CType.BOOL, new CExpr.Binary(CBinaryOp.BIT_AND, value, new CExpr.Literal("1")));
		default -> new CExpr.Cast(CType.BOOL, new CExpr.Binary(CBinaryOp.BIT_AND,
				new CExpr.Cast(CType.integer(64, true), fromHalf(value, from)), new CExpr.Literal("1")));
		};
	}

	private static CExpr lowBit(CExpr value) {
		return new CExpr.Index(value, List.of(new CExpr.Literal("0")));
	}

	private CExpr toNativeInteger(CExpr value, CType from, CType to) {
		return switch (from.kind()) {
		case AP_INT -> new CExpr.Cast(to, method(value, from.signed() ? "to_int64" : "to_uint64"));
		// through a 64-bit ap_int: truncation toward zero and wrap in the ap domain, then a native narrowing
		case AP_FIXED -> new CExpr.Cast(to, method(new CExpr.Cast(AP_INT64, value), "to_int64"));
		default -> new CExpr.Cast(to, fromHalf(value, from));
		};
	}

	/** half converts to other types through float, which holds every half value exactly. */
	private static CExpr fromHalf(CExpr value, CType from) {
		return from.kind() == Kind.HALF ? new CExpr.Cast(CType.FLOAT, value) : value;
	}

	private static CExpr method(CExpr target, String name) {
		return new CExpr.Method(target, name, List.of());
	}
}
