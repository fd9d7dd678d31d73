package org.allo.lang.types;

/**
 * Allo's typing table (allo-reference §1.9, Allo's default rule set), in one place: the result type
 * of every operator for every pair of scalar classes, casts, {@code .bitcast()}, and which implicit
 * conversions lose information. Integers are treated as fixed point with no fraction bits, which
 * makes Allo's table a handful of formulas; the few places where Allo departs from them are marked.
 */
public final class TypeRules {

	private TypeRules() {
	}

	/** A non-float scalar as fixed point: sign, bits left of the point, fraction bits, and whether it is a fixed type. */
	private record Num(boolean signed, int intBits, int fracs, boolean fixed) {

		int bits() {
			return intBits + fracs;
		}

		/** Bits left of the point once mixed into a signed result: an unsigned value needs one more. */
		int intBitsIn(boolean signedResult) {
			return signedResult && !signed ? intBits + 1 : intBits;
		}
	}

	private static Num num(Type type) {
		if (type instanceof IntType i) {
			return new Num(i.signed(), i.bits(), 0, false);
		} else if (type instanceof IndexType) {
			return new Num(false, IndexType.BITS, 0, false);
		} else if (type instanceof FixedType f) {
			return new Num(f.signed(), f.intBits(), f.fracs(), true);
		}
		return null;
	}

	private static Type make(boolean signed, int intBits, int fracs, boolean fixed) {
		return fixed ? new FixedType(intBits + fracs, fracs, signed) : new IntType(intBits + fracs, signed);
	}

	private static boolean bothIndex(Type l, Type r) {
		return l instanceof IndexType && r instanceof IndexType;
	}

	/** The result of {@code l op r}; null when Allo has no rule for these operands; unknown when an operand is. */
	public static Type binary(String op, Type l, Type r) {
		if (l.isIndeterminate() || r.isIndeterminate()) {
			return l.equals(r) && !"and".equals(op) && !"or".equals(op) ? l : UnknownType.INSTANCE;
		}
		if (!l.isNumeric() || !r.isNumeric()) {
			return null;
		}
		return switch (op) {
		case "+", "-" -> addSub(l, r);
		case "*" -> mul(l, r);
		case "/" -> div(l, r);
		case "//" -> l instanceof FloatType || r instanceof FloatType ? null : div(l, r);
		case "%" -> common(l, r);
		case "**" -> pow(l, r);
		case "<<", ">>" -> shift(l, r);
		case "&", "|", "^" -> bitwise(l, r);
		case "and", "or" -> IntType.BOOL;
		default -> null;
		};
	}

	/** Comparisons give {@code bool}; operands must be numbers. */
	public static Type compare(Type l, Type r) {
		if (l.isIndeterminate() || r.isIndeterminate()) {
			return IntType.BOOL;
		}
		return l.isNumeric() && r.isNumeric() ? IntType.BOOL : null;
	}

	/** {@code a if c else b}, {@code min}, {@code max}: the smallest type holding both without growth. */
	public static Type select(Type l, Type r) {
		if (l.isIndeterminate() || r.isIndeterminate()) {
			return l.equals(r) ? l : UnknownType.INSTANCE;
		}
		if (!l.isNumeric() || !r.isNumeric()) {
			return l.equals(r) ? l : null;
		}
		return common(l, r);
	}

	private static Type floatRule(Type l, Type r) {
		if (l instanceof FloatType fl && r instanceof FloatType fr) {
			return fl.bits() >= fr.bits() ? fl : fr;
		}
		return l instanceof FloatType ? l : r;
	}

	private static Type addSub(Type l, Type r) {
		return aligned(l, r, 1);
	}

	private static Type mul(Type l, Type r) {
		if (l instanceof FloatType || r instanceof FloatType) {
			return floatRule(l, r);
		}
		if (bothIndex(l, r)) {
			return IndexType.INSTANCE;
		}
		Num a = num(l);
		Num b = num(r);
		int fracs = a.fracs() + b.fracs();
		return make(a.signed() || b.signed(), a.bits() + b.bits() - fracs, fracs, a.fixed() || b.fixed());
	}

	private static Type div(Type l, Type r) {
		if (l instanceof FloatType || r instanceof FloatType) {
			return floatRule(l, r);
		}
		if (bothIndex(l, r)) {
			return IndexType.INSTANCE;
		}
		Num a = num(l);
		Num b = num(r);
		boolean signed = a.signed() || b.signed();
		if (!a.fixed() && !b.fixed()) {
			// C division in the dividend's width; index divided by an unsigned value stays index
			return l instanceof IndexType && !b.signed() ? l : new IntType(a.bits(), signed);
		}
		// Allo's div_rule: the widths add up, plus one bit where a signed dividend meets an unsigned
		// divisor or a fixed dividend meets an integer of the other signedness; the quotient keeps
		// the dividend's fraction bits plus the divisor's integer bits, except that an integer
		// dividend counts its own width minus the divisor's fraction bits
		boolean extraBit = a.signed() && !b.signed() || a.fixed() && !b.fixed() && a.signed() != b.signed();
		int fracs = a.fixed() ? b.intBits() + a.fracs() : a.bits() - b.fracs();
		return new FixedType(a.bits() + b.bits() + (extraBit ? 1 : 0), fracs, signed);
	}

	/** The type both operands are cast to for %, comparisons, select and min/max. */
	private static Type common(Type l, Type r) {
		return aligned(l, r, 0);
	}

	/** Both operands aligned to the wider integer part and the finer fraction, plus {@code carryBits} (1 for + and -). */
	private static Type aligned(Type l, Type r, int carryBits) {
		if (l instanceof FloatType || r instanceof FloatType) {
			return floatRule(l, r);
		}
		if (bothIndex(l, r)) {
			return IndexType.INSTANCE;
		}
		Num a = num(l);
		Num b = num(r);
		boolean signed = a.signed() || b.signed();
		int fracs = Math.max(a.fracs(), b.fracs());
		int intBits = Math.max(a.intBitsIn(signed), b.intBitsIn(signed)) + carryBits;
		return make(signed, intBits, fracs, a.fixed() || b.fixed());
	}

	private static Type pow(Type l, Type r) {
		if (l instanceof FloatType && r instanceof FloatType) {
			return floatRule(l, r);
		}
		// Allo picks by the operand of the lower type class (Int < UInt < Index < Fixed < UFixed < Float)
		Type decisive = classRank(l) <= classRank(r) ? l : r;
		int bits = decisive instanceof IndexType ? IndexType.BITS : num(decisive).bits();
		return bits <= 32 ? FloatType.FLOAT32 : FloatType.FLOAT64;
	}

	private static int classRank(Type type) {
		if (type instanceof IntType i) {
			return i.signed() ? 0 : 1;
		} else if (type instanceof IndexType) {
			return 2;
		} else if (type instanceof FixedType f) {
			return f.signed() ? 3 : 4;
		}
		return 5;
	}

	private static Type shift(Type l, Type r) {
		if (l instanceof FloatType || r instanceof FloatType || r instanceof FixedType) {
			return null;
		}
		return l;
	}

	private static Type bitwise(Type l, Type r) {
		if (!isInteger(l) || !isInteger(r)) {
			return null;
		}
		if (bothIndex(l, r)) {
			return IndexType.INSTANCE;
		}
		Num a = num(l);
		Num b = num(r);
		return new IntType(Math.max(a.bits(), b.bits()), a.signed() || b.signed());
	}

	/** Unary {@code - + ~ not}. */
	public static Type unary(String op, Type operand) {
		if ("not".equals(op)) {
			return IntType.BOOL;
		}
		if (operand.isIndeterminate()) {
			return operand;
		}
		if ("~".equals(op)) {
			return isInteger(operand) ? operand : null;
		}
		return operand.isNumeric() ? operand : null;
	}

	/** {@code exp, log, sqrt, sin, ...}: floats stay, other numbers become float32 (up to 32 bits) or float64. */
	public static Type math(Type operand) {
		if (operand.isIndeterminate() || operand instanceof FloatType) {
			return operand;
		}
		if (!operand.isNumeric()) {
			return null;
		}
		return bitsOf(operand) <= 32 ? FloatType.FLOAT32 : FloatType.FLOAT64;
	}

	public static boolean isInteger(Type type) {
		return type instanceof IntType || type instanceof IndexType;
	}

	public static int bitsOf(Type type) {
		if (type instanceof FloatType f) {
			return f.bits();
		}
		Num n = num(type);
		return n == null ? 0 : n.bits();
	}

	/** Whether an explicit cast {@code to(value)} exists: between any two scalar number types. */
	public static boolean castLegal(Type from, Type to) {
		return from.isIndeterminate() || to.isIndeterminate() || from.isNumeric() && to.isNumeric();
	}

	/**
	 * {@code x.bitcast()}: int16/32/64 ↔ float16/32/64, other integers ↔ the other signedness of
	 * the same width; null when there is no such reinterpretation (fixed point, odd float widths).
	 */
	public static Type bitcast(Type from) {
		if (from.isIndeterminate()) {
			return from;
		}
		if (from instanceof IntType i) {
			if (i.signed() && (i.bits() == 16 || i.bits() == 32 || i.bits() == 64)) {
				return i.bits() == 16 ? new FloatType(16, 10) : i.bits() == 32 ? FloatType.FLOAT32 : FloatType.FLOAT64;
			}
			return new IntType(i.bits(), !i.signed());
		}
		if (from instanceof FloatType f && (f.bits() == 16 || f.bits() == 32 || f.bits() == 64)) {
			return new IntType(f.bits(), true);
		}
		return null;
	}

	/**
	 * Whether storing a value of {@code source} (its declared type, before arithmetic widening) into
	 * {@code target} loses information: float into an integer or fixed type, a wider float into a
	 * narrower one, an integer or fixed value with more integer or fraction bits than the target.
	 * Loop indices and booleans are exempt: their range is that of the loop or 0..1.
	 */
	public static boolean lossy(Type source, Type target) {
		if (source.isIndeterminate() || target.isIndeterminate() || source instanceof IndexType
				|| IntType.BOOL.equals(source)) {
			return false;
		}
		if (source instanceof FloatType fs) {
			return target instanceof FloatType ft ? fs.bits() > ft.bits() : num(target) != null;
		}
		Num s = num(source);
		Num t = num(target);
		if (s == null || t == null) {
			return false;
		}
		return s.intBits() > t.intBits() || s.fracs() > t.fracs();
	}
}
