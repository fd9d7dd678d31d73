package org.allo.lang.interpreter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import org.allo.lang.interpreter.Scalar.Exact;
import org.allo.lang.interpreter.Scalar.Real;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrFixedType;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrIndexType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrUnaryOp;
import org.allo.lang.ir.printer.IrTypes;

/**
 * The numeric semantics of the IR (docs/SEMANTICS.md). An operation first computes its exact result
 * from its operands, each in its own type, and then converts it to the node's result type: integers wrap
 * (two's complement), fixed point truncates (AP_TRN, floor of the dropped bits) and wraps (AP_WRAP),
 * floats round to nearest even in their format. Errors carry line 0; the interpreter adds the line.
 */
public final class Arithmetic {

	private static final int INDEX_BITS = 64;

	private Arithmetic() {
	}

	/** The value converted to a scalar type with Allo's rules. */
	public static Scalar convert(Scalar value, IrType to) throws SimulationError {
		if (to instanceof IrIntType type) {
			return new Exact(wrap(integerPart(value), type.getBits(), type.isSigned()), 0);
		}
		if (to instanceof IrIndexType) {
			return new Exact(wrap(integerPart(value), INDEX_BITS, true), 0);
		}
		if (to instanceof IrFixedType type) {
			return new Exact(wrap(fixedRaw(value, type.getFracs()), type.getBits(), type.isSigned()), type.getFracs());
		}
		if (to instanceof IrFloatType type) {
			return new Real(FloatRounding.round(value.toDouble(), type.getKind()));
		}
		throw new SimulationError(0, "a scalar value cannot be converted to " + IrTypes.print(to));
	}

	/** The two's-complement value of the low {@code bits} bits of raw. */
	public static BigInteger wrap(BigInteger raw, int bits, boolean signed) {
		BigInteger modulus = BigInteger.ONE.shiftLeft(bits);
		BigInteger low = raw.mod(modulus);
		return signed && low.testBit(bits - 1) ? low.subtract(modulus) : low;
	}

	/** Fixed point and floats convert to integers toward zero, like ap_fixed::to_int and C casts. */
	private static BigInteger integerPart(Scalar value) {
		if (value instanceof Exact exact) {
			return exact.integerPart();
		}
		double real = value.toDouble();
		return Double.isFinite(real) ? new BigDecimal(real).toBigInteger() : BigInteger.ZERO;
	}

	/** Floats convert to fixed point by AP_TRN (floor), the ap_fixed quantisation mode Allo uses. */
	private static BigInteger fixedRaw(Scalar value, int fracs) {
		if (value instanceof Exact exact) {
			return exact.rawAt(fracs);
		}
		double real = value.toDouble();
		if (!Double.isFinite(real)) {
			return BigInteger.ZERO;
		}
		return new BigDecimal(real).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(fracs))).setScale(0, RoundingMode.FLOOR).toBigInteger();
	}

	public static Scalar truth(boolean value, IrType type) throws SimulationError {
		return convert(Scalar.of(value ? 1 : 0), type);
	}

	public static Scalar binary(IrBinaryOp op, Scalar left, Scalar right, IrType result) throws SimulationError {
		switch (op) {
		case AND:
			return truth(left.isTrue() && right.isTrue(), result);
		case OR:
			return truth(left.isTrue() || right.isTrue(), result);
		case SHL, SHR:
			return shift(op, left, right, result);
		default:
			if (left instanceof Exact l && right instanceof Exact r && !(result instanceof IrFloatType)) {
				return exactBinary(op, l, r, result);
			}
			return realBinary(op, left.toDouble(), right.toDouble(), result);
		}
	}

	/** A shift keeps the bits of the left operand's type: bits shifted out of the width are lost. */
	private static Scalar shift(IrBinaryOp op, Scalar left, Scalar right, IrType result) throws SimulationError {
		if (!(left instanceof Exact value) || !(right instanceof Exact amount)) {
			throw new SimulationError(0, "shifts need integer or fixed-point operands");
		}
		BigInteger distance = amount.rawAt(0);
		if (distance.signum() < 0 || distance.bitLength() > 31) {
			throw Faults.badShiftAmount(0, distance);
		}
		int n = distance.intValue();
		BigInteger raw = op == IrBinaryOp.SHL ? value.raw().shiftLeft(n) : value.raw().shiftRight(n);
		return convert(new Exact(raw, value.fracs()), result);
	}

	private static Scalar exactBinary(IrBinaryOp op, Exact left, Exact right, IrType result) throws SimulationError {
		int fracs = Math.max(left.fracs(), right.fracs());
		BigInteger a = left.rawAt(fracs);
		BigInteger b = right.rawAt(fracs);
		return switch (op) {
		case ADD -> convert(new Exact(a.add(b), fracs), result);
		case SUB -> convert(new Exact(a.subtract(b), fracs), result);
		case MUL -> convert(new Exact(left.raw().multiply(right.raw()), left.fracs() + right.fracs()), result);
		case DIV -> convert(divide(a, b, fracs == 0, resultFracs(result)), result);
		case FLOOR_DIV -> convert(new Exact(floorDiv(nonZero(a, b), b), 0), result);
		case MOD -> convert(new Exact(nonZero(a, b).remainder(b), fracs), result);
		case POW -> power(left, right, result);
		case BIT_AND -> convert(new Exact(a.and(b), fracs), result);
		case BIT_OR -> convert(new Exact(a.or(b), fracs), result);
		case BIT_XOR -> convert(new Exact(a.xor(b), fracs), result);
		case MIN -> convert(a.compareTo(b) <= 0 ? left : right, result);
		case MAX -> convert(a.compareTo(b) >= 0 ? left : right, result);
		case LT -> truth(a.compareTo(b) < 0, result);
		case LE -> truth(a.compareTo(b) <= 0, result);
		case GT -> truth(a.compareTo(b) > 0, result);
		case GE -> truth(a.compareTo(b) >= 0, result);
		case EQ -> truth(a.equals(b), result);
		case NE -> truth(!a.equals(b), result);
		default -> throw new SimulationError(0, "operator " + op + " is not an arithmetic operator");
		};
	}

	/** Integers divide like C (toward zero); fixed point keeps resultFracs bits, dropping the rest by floor. */
	private static Exact divide(BigInteger a, BigInteger b, boolean integers, int resultFracs) throws SimulationError {
		nonZero(a, b);
		if (integers) {
			return new Exact(a.divide(b), 0);
		}
		return new Exact(floorDiv(a.shiftLeft(resultFracs), b), resultFracs);
	}

	private static int resultFracs(IrType type) {
		return type instanceof IrFixedType fixed ? fixed.getFracs() : 0;
	}

	private static BigInteger nonZero(BigInteger dividend, BigInteger divisor) throws SimulationError {
		if (divisor.signum() == 0) {
			throw Faults.divisionByZero(0);
		}
		return dividend;
	}

	private static BigInteger floorDiv(BigInteger a, BigInteger b) {
		BigInteger[] qr = a.divideAndRemainder(b);
		boolean inexactNegative = qr[1].signum() != 0 && (qr[1].signum() != b.signum());
		return inexactNegative ? qr[0].subtract(BigInteger.ONE) : qr[0];
	}

	/** Integer powers with a non-negative integer exponent are exact modulo the result width. */
	private static Scalar power(Exact base, Exact exponent, IrType result) throws SimulationError {
		boolean integral = base.fracs() == 0 && exponent.fracs() == 0 && exponent.raw().signum() >= 0;
		if (integral && result instanceof IrIntType type) {
			BigInteger modulus = BigInteger.ONE.shiftLeft(type.getBits());
			return convert(new Exact(base.raw().modPow(exponent.raw(), modulus), 0), result);
		}
		return realBinary(IrBinaryOp.POW, base.toDouble(), exponent.toDouble(), result);
	}

	private static Scalar realBinary(IrBinaryOp op, double a, double b, IrType result) throws SimulationError {
		return switch (op) {
		case ADD -> convert(new Real(a + b), result);
		case SUB -> convert(new Real(a - b), result);
		case MUL -> convert(new Real(a * b), result);
		case DIV -> convert(new Real(a / b), result);
		case FLOOR_DIV -> convert(new Real(Math.floor(a / b)), result);
		case MOD -> convert(new Real(a % b), result);
		case POW -> convert(new Real(Math.pow(a, b)), result);
		case MIN -> convert(new Real(Math.min(a, b)), result);
		case MAX -> convert(new Real(Math.max(a, b)), result);
		case LT -> truth(a < b, result);
		case LE -> truth(a <= b, result);
		case GT -> truth(a > b, result);
		case GE -> truth(a >= b, result);
		case EQ -> truth(a == b, result);
		case NE -> truth(a != b, result);
		default -> throw new SimulationError(0, "operator " + op + " needs integer operands");
		};
	}

	public static Scalar unary(IrUnaryOp op, Scalar operand, IrType result) throws SimulationError {
		return switch (op) {
		case NOT -> truth(!operand.isTrue(), result);
		case NEG -> convert(operand instanceof Exact e ? new Exact(e.raw().negate(), e.fracs())
				: new Real(-operand.toDouble()), result);
		case INVERT -> {
			if (!(operand instanceof Exact e)) {
				throw new SimulationError(0, "~ needs an integer operand");
			}
			yield convert(new Exact(e.raw().not(), e.fracs()), result);
		}
		case REVERSE -> BitReinterpretation.reverse(operand, result);
		case BITCAST -> BitReinterpretation.bitcast(operand, result);
		};
	}

	/** Bits [low, high) of an integer, as an unsigned number converted to the result type. */
	public static Scalar bitSlice(Scalar operand, long low, long high, IrType result) throws SimulationError {
		if (!(operand instanceof Exact value) || value.fracs() != 0) {
			throw new SimulationError(0, "bit slices need an integer operand");
		}
		if (low < 0 || high <= low || high > Integer.MAX_VALUE) {
			throw Faults.badBitSlice(0, low, high);
		}
		BigInteger mask = BigInteger.ONE.shiftLeft((int) (high - low)).subtract(BigInteger.ONE);
		return convert(new Exact(value.raw().shiftRight((int) low).and(mask), 0), result);
	}
}
