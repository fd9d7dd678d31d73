package org.allo.lang.verify;

import static org.allo.lang.verify.IrTypeFacts.fracs;
import static org.allo.lang.verify.IrTypeFacts.isExact;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.allo.lang.interpreter.Arithmetic;
import org.allo.lang.interpreter.MathFunctions;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.SimulationError;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrIndexType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrMathFunction;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrUnaryOp;
import org.allo.lang.ir.printer.IrTypes;

/**
 * The operations of {@link Arithmetic} on terms, with the same semantics (docs/SEMANTICS.md): every
 * operation computes its exact result from its operands and converts it to the node's type. Ring
 * operations on exact values become unbounded {@code +}, {@code x}, negation and shifts followed
 * by a wrap, which the {@link Normaliser} can reorder; everything else becomes an uninterpreted
 * application keyed by its operand and result types. Operations on constants are computed by
 * {@link Arithmetic} itself, so index arithmetic folds exactly as the interpreter computes it.
 */
final class SymbolicArithmetic {

	private final TermTable table;

	SymbolicArithmetic(TermTable table) {
		this.table = table;
	}

	/** The constant as the interpreter's value of the type. */
	Scalar scalar(int term, IrType type) {
		return table.get(term).op == TermOp.REAL ? Scalar.of(table.realValue(term))
				: new Scalar.Exact(table.exactValue(term), fracs(type));
	}

	/** A value of the interpreter converted to the type as the interpreter converts it. */
	int of(Scalar value, IrType type) throws CannotVerify {
		return fold(() -> Arithmetic.convert(value, type));
	}

	int constant(Scalar value) {
		return value instanceof Scalar.Exact exact ? table.exact(exact.raw()) : table.real(value.toDouble());
	}

	/** The value of a term of type {@code from} converted to {@code to}. */
	int convert(int term, IrType from, IrType to) throws CannotVerify {
		if (IrTypeFacts.sameType(from, to)) {
			return term;
		}
		if (table.isConstant(term)) {
			return fold(() -> Arithmetic.convert(scalar(term, from), to));
		}
		if (isExact(from) && isExact(to)) {
			return convertExact(term, from, to);
		}
		if (IrTypeFacts.widensFloat(from, to)) {
			return term;
		}
		return apply("convert", signature(to, from), to, false, term);
	}

	private int convertExact(int term, IrType from, IrType to) {
		int have = fracs(from);
		if (isInteger(to) && have > 0) {
			return apply("to integer", signature(to, from), to, false, term);
		}
		return rescaleAndWrap(term, have, to);
	}

	/** Fixed point to fewer fractional bits drops bits by floor (AP_TRN), then wraps (AP_WRAP). */
	private int rescaleAndWrap(int raw, int have, IrType to) {
		int want = fracs(to);
		int scaled = have == want ? raw : have < want ? table.multiply(raw, table.exact(BigInteger.ONE.shiftLeft(want - have)))
				: table.floorShift(raw, have - want);
		return table.wrap(scaled, IrTypeFacts.bits(to), IrTypeFacts.signed(to));
	}

	/** Integers and index convert from fixed point toward zero, unlike fixed point (docs/SEMANTICS.md). */
	private static boolean isInteger(IrType type) {
		return type instanceof IrIntType || type instanceof IrIndexType;
	}

	int binary(IrBinaryOp op, int left, IrType leftType, int right, IrType rightType, IrType result) throws CannotVerify {
		if (table.isConstant(left) && table.isConstant(right)) {
			return fold(() -> Arithmetic.binary(op, scalar(left, leftType), scalar(right, rightType), result));
		}
		if ((op == IrBinaryOp.AND || op == IrBinaryOp.OR) && table.isConstant(left)) {
			boolean decided = scalar(left, leftType).isTrue() == (op == IrBinaryOp.OR);
			return decided ? fold(() -> Arithmetic.truth(op == IrBinaryOp.OR, result))
					: apply("truth", signature(result, rightType), result, false, right);
		}
		if (isExact(leftType) && isExact(rightType) && isExact(result)) {
			return exactBinary(op, left, leftType, right, rightType, result);
		}
		return realBinary(op, left, leftType, right, rightType, result);
	}

	private int exactBinary(IrBinaryOp op, int left, IrType leftType, int right, IrType rightType, IrType result)
			throws CannotVerify {
		int fracs = Math.max(fracs(leftType), fracs(rightType));
		switch (op) {
		case ADD:
			return convertRaw(table.add(align(left, leftType, fracs), align(right, rightType, fracs)), fracs, result);
		case SUB:
			return convertRaw(table.add(align(left, leftType, fracs), table.negate(align(right, rightType, fracs))), fracs, result);
		case MUL:
			return convertRaw(table.multiply(left, right), fracs(leftType) + fracs(rightType), result);
		case SHL, SHR:
			if (table.isConstant(right)) {
				return shift(op, left, leftType, right, rightType, result);
			}
			break;
		default:
			break;
		}
		return apply(op.getLiteral(), signature(result, leftType, rightType), result, isCommutative(op, leftType, rightType), left,
				right);
	}

	private int shift(IrBinaryOp op, int left, IrType leftType, int right, IrType rightType, IrType result) throws CannotVerify {
		BigInteger distance = ((Scalar.Exact) scalar(right, rightType)).integerPart();
		if (distance.signum() < 0 || distance.bitLength() > 31) {
			throw new CannotVerify("shift amount " + distance + " is negative or too large");
		}
		int n = distance.intValue();
		int raw = op == IrBinaryOp.SHL ? table.multiply(left, table.exact(BigInteger.ONE.shiftLeft(n))) : table.floorShift(left, n);
		return convertRaw(raw, fracs(leftType), result);
	}

	/** A raw integer with {@code fracs} fractional bits (not yet in any width) converted to the type. */
	private int convertRaw(int raw, int fracs, IrType to) throws CannotVerify {
		if (table.isConstant(raw)) {
			return fold(() -> Arithmetic.convert(new Scalar.Exact(table.exactValue(raw), fracs), to));
		}
		if (isExact(to) && !(isInteger(to) && fracs > 0)) {
			return rescaleAndWrap(raw, fracs, to);
		}
		return apply("convert raw", IrTypes.print(to) + " <- raw/2^" + fracs, to, false, raw);
	}

	private int align(int term, IrType type, int fracs) {
		int shift = fracs - fracs(type);
		return shift == 0 ? term : table.multiply(term, table.exact(BigInteger.ONE.shiftLeft(shift)));
	}

	private static boolean isCommutative(IrBinaryOp op, IrType left, IrType right) {
		boolean symmetric = switch (op) {
		case ADD, MUL, BIT_AND, BIT_OR, BIT_XOR, EQ, NE, AND, OR, MIN, MAX -> true;
		default -> false;
		};
		return symmetric && IrTypeFacts.sameType(left, right);
	}

	/** Floats: + and x keep their IEEE commutativity; x - y is x + (-y), which IEEE guarantees too. */
	private int realBinary(IrBinaryOp op, int left, IrType leftType, int right, IrType rightType, IrType result)
			throws CannotVerify {
		if (op == IrBinaryOp.SUB && leftType instanceof IrFloatType && rightType instanceof IrFloatType) {
			return realBinary(IrBinaryOp.ADD, left, leftType, unary(IrUnaryOp.NEG, right, rightType, rightType), rightType, result);
		}
		String name = switch (op) {
		case ADD -> "float +";
		case MUL -> "float *";
		default -> "float " + op.getLiteral();
		};
		return apply(name, signature(result, leftType, rightType), result, isCommutative(op, leftType, rightType), left, right);
	}

	int unary(IrUnaryOp op, int operand, IrType operandType, IrType result) throws CannotVerify {
		if (table.isConstant(operand)) {
			return fold(() -> Arithmetic.unary(op, scalar(operand, operandType), result));
		}
		if (op == IrUnaryOp.NEG && isExact(operandType)) {
			return convertRaw(table.negate(operand), fracs(operandType), result);
		}
		if (op == IrUnaryOp.INVERT && isExact(operandType)) {
			return convertRaw(table.add(table.negate(operand), table.exact(BigInteger.ONE.negate())), fracs(operandType), result);
		}
		return apply(op.getLiteral(), signature(result, operandType), result, false, operand);
	}

	/** Both values are already of the result type. */
	int select(int condition, int whenTrue, int whenFalse, IrType result) {
		if (table.isConstant(condition)) {
			boolean taken = table.get(condition).op == TermOp.REAL ? table.realValue(condition) != 0
					: table.exactValue(condition).signum() != 0;
			return taken ? whenTrue : whenFalse;
		}
		if (whenTrue == whenFalse) {
			return whenTrue;
		}
		return apply("select", IrTypes.print(result), result, false, condition, whenTrue, whenFalse);
	}

	int math(IrMathFunction function, int[] args, List<IrType> argTypes, IrType result) throws CannotVerify {
		boolean constant = true;
		for (int arg : args) {
			constant &= table.isConstant(arg);
		}
		if (constant) {
			List<Scalar> values = new ArrayList<>();
			for (int i = 0; i < args.length; i++) {
				values.add(scalar(args[i], argTypes.get(i)));
			}
			return fold(() -> MathFunctions.apply(function, values, result));
		}
		return apply(function.getLiteral(), signature(result, argTypes.toArray(IrType[]::new)), result, false, args);
	}

	int bitSlice(int operand, IrType operandType, int low, IrType lowType, int high, IrType highType, IrType result)
			throws CannotVerify {
		if (table.isConstant(operand) && table.isConstant(low) && table.isConstant(high)) {
			return fold(() -> Arithmetic.bitSlice(scalar(operand, operandType), ((Scalar.Exact) scalar(low, lowType)).toLong(),
					((Scalar.Exact) scalar(high, highType)).toLong(), result));
		}
		return apply("bits", signature(result, operandType, lowType, highType), result, false, operand, low, high);
	}

	private int apply(String name, String types, IrType result, boolean commutative, int... args) {
		return table.apply(new Operation(name, types, commutative), IrTypeFacts.low(result), IrTypeFacts.high(result), args);
	}

	private static String signature(IrType result, IrType... operands) {
		StringBuilder text = new StringBuilder(IrTypes.print(result)).append(" <-");
		for (IrType operand : operands) {
			text.append(' ').append(IrTypes.print(operand));
		}
		return text.toString();
	}

	private interface Computation {
		Scalar compute() throws SimulationError;
	}

	/** A fault on constants (division by zero) happens on every input: the program cannot be verified. */
	private int fold(Computation computation) throws CannotVerify {
		try {
			return constant(computation.compute());
		} catch (SimulationError error) {
			throw new CannotVerify(error.getMessage() + " on every input");
		}
	}
}
