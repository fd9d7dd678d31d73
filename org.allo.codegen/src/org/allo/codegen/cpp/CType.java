package org.allo.codegen.cpp;

/**
 * A C++ scalar or stream type of the generated code. Integers of native widths are {@code int8_t}…,
 * other widths {@code ap_int<N>}/{@code ap_uint<N>}; fixed point {@code ap_fixed<W, W-F>}; bfloat16, which
 * HLS lacks, is a {@code float} whose values the generated code rounds to bfloat16 after every operation.
 */
public record CType(Kind kind, int bits, int fracs, boolean signed, CType element, int depth) {

	public enum Kind {
		/** int8_t … uint64_t */
		NATIVE_INT,
		/** ap_int / ap_uint */
		AP_INT,
		/** ap_fixed / ap_ufixed */
		AP_FIXED,
		BOOL,
		/** loop counters and indices */
		INT,
		HALF,
		/** float holding bfloat16 values */
		BFLOAT16,
		FLOAT,
		DOUBLE,
		STREAM,
		VOID
	}

	public static final CType BOOL = simple(Kind.BOOL);
	public static final CType INT = simple(Kind.INT);
	public static final CType HALF = simple(Kind.HALF);
	public static final CType BFLOAT16 = simple(Kind.BFLOAT16);
	public static final CType FLOAT = simple(Kind.FLOAT);
	public static final CType DOUBLE = simple(Kind.DOUBLE);
	public static final CType VOID = simple(Kind.VOID);

	private static CType simple(Kind kind) {
		return new CType(kind, 0, 0, true, null, 0);
	}

	/** The narrowest spelling: native C types for 8, 16, 32 and 64 bits, bool for one unsigned bit. */
	public static CType integer(int bits, boolean signed) {
		if (bits == 1 && !signed) {
			return BOOL;
		}
		boolean nativeWidth = bits == 8 || bits == 16 || bits == 32 || bits == 64;
		return new CType(nativeWidth ? Kind.NATIVE_INT : Kind.AP_INT, bits, 0, signed, null, 0);
	}

	/** ap_int/ap_uint even for native widths, for conversions that must happen in the ap domain. */
	public static CType apInt(int bits, boolean signed) {
		return new CType(Kind.AP_INT, bits, 0, signed, null, 0);
	}

	public static CType fixed(int bits, int fracs, boolean signed) {
		return new CType(Kind.AP_FIXED, bits, fracs, signed, null, 0);
	}

	public static CType stream(CType element, int depth) {
		return new CType(Kind.STREAM, 0, 0, true, element, depth);
	}

	/** Arbitrary-precision types come from ap_int.h/ap_fixed.h and do not mix with native operands. */
	public boolean isArbitraryPrecision() {
		return kind == Kind.AP_INT || kind == Kind.AP_FIXED;
	}

	public boolean isFloatingPoint() {
		return kind == Kind.HALF || kind == Kind.BFLOAT16 || kind == Kind.FLOAT || kind == Kind.DOUBLE;
	}

	/** Integers of any spelling, including bool and int. */
	public boolean isInteger() {
		return kind == Kind.NATIVE_INT || kind == Kind.AP_INT || kind == Kind.BOOL || kind == Kind.INT;
	}

	public String spelling() {
		return switch (kind) {
		case NATIVE_INT -> (signed ? "int" : "uint") + bits + "_t";
		case AP_INT -> (signed ? "ap_int<" : "ap_uint<") + bits + ">";
		case AP_FIXED -> (signed ? "ap_fixed<" : "ap_ufixed<") + bits + ", " + (bits - fracs) + ">";
		case BOOL -> "bool";
		case INT -> "int";
		case HALF -> "half";
		case BFLOAT16, FLOAT -> "float";
		case DOUBLE -> "double";
		case STREAM -> "hls::stream<" + element.spelling() + ">";
		case VOID -> "void";
		};
	}

	@Override
	public String toString() {
		return spelling();
	}
}
