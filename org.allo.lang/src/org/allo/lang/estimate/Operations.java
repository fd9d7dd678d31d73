package org.allo.lang.estimate;

import java.math.BigInteger;

import org.allo.lang.ir.IrBinary;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrCast;
import org.allo.lang.ir.IrConstant;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFixedType;
import org.allo.lang.ir.IrFloatKind;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrMathCall;
import org.allo.lang.ir.IrSelect;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrUnary;
import org.allo.lang.ir.IrUnaryOp;

/**
 * Prices one IR expression node as the hardware operator Vitis HLS would instantiate for it,
 * from the device table: by operation and type, and for integer multiplies by the operands'
 * effective widths (a sign-extended {@code int32} operand of an {@code int64} product still
 * needs only a 32-bit multiplier, because Allo widens products before HLS narrows them back).
 * Nodes that cost no operator (constants, variables, loads, integer re-typing) give null.
 */
public final class Operations {

	/** Width assumed for {@code index} values: HLS loop counters are 32-bit ints. */
	private static final int INDEX_BITS = 32;

	private final DeviceModel device;

	public Operations(DeviceModel device) {
		this.device = device;
	}

	public Operation of(IrExpr expr) {
		if (expr instanceof IrBinary binary) {
			return binary(binary);
		}
		if (expr instanceof IrUnary unary) {
			return unary.getOp() == IrUnaryOp.NEG ? arithmetic("add", unary.getType()) : integer("logic", bits(unary.getType()));
		}
		if (expr instanceof IrSelect select) {
			return integer("logic", bits(select.getType()));
		}
		if (expr instanceof IrCast cast) {
			return cast(cast);
		}
		if (expr instanceof IrMathCall call) {
			return math(call);
		}
		return null;
	}

	/**
	 * Cycles of {@code expr}'s operator on a loop-carried recurrence: Vitis binds a faster core
	 * there when the table has one ({@code <op>.recurrence.latency}), else the operator's latency;
	 * 0 for nodes without an operator.
	 */
	public int recurrenceLatency(IrExpr expr) {
		Operation operation = of(expr);
		if (operation == null) {
			return 0;
		}
		String key = operation.name() + ".recurrence.latency";
		return device.has(key) ? (int) device.number(key) : operation.latency();
	}

	private Operation binary(IrBinary binary) {
		IrType operandType = binary.getLeft().getType();
		IrBinaryOp op = binary.getOp();
		return switch (op) {
		case ADD, SUB -> arithmetic("add", binary.getType());
		case MUL -> operandType instanceof IrFloatType ? floating("mul", binary.getType()) : multiply(binary);
		case DIV, FLOOR_DIV, MOD -> operandType instanceof IrFloatType ? floating("div", binary.getType()) : divide(binary);
		case POW -> floating("pow", binary.getType() instanceof IrFloatType ? binary.getType() : operandType);
		case LT, LE, GT, GE, EQ, NE, MIN, MAX -> operandType instanceof IrFloatType ? floating("cmp", operandType)
				: integer("add", bits(operandType));
		case SHL, SHR -> binary.getRight() instanceof IrConstant ? null : integer("logic", bits(binary.getType()));
		case BIT_AND, BIT_OR, BIT_XOR, AND, OR -> integer("logic", bits(binary.getType()));
		};
	}

	private Operation arithmetic(String op, IrType type) {
		return type instanceof IrFloatType ? floating(op, type) : integer(op, bits(type));
	}

	private Operation cast(IrCast cast) {
		IrType from = cast.getOperand().getType();
		IrType to = cast.getType();
		boolean fromFloat = from instanceof IrFloatType;
		boolean toFloat = to instanceof IrFloatType;
		if (!fromFloat && !toFloat) {
			return null;
		}
		if (fromFloat && toFloat && ((IrFloatType) from).getKind() == ((IrFloatType) to).getKind()) {
			return null;
		}
		return floating("cast", isDouble(from) ? from : toFloat ? to : from);
	}

	private static boolean isDouble(IrType type) {
		return type instanceof IrFloatType floatType && floatType.getKind() == IrFloatKind.F64;
	}

	private Operation math(IrMathCall call) {
		String op = switch (call.getFunction()) {
		case EXP -> "exp";
		case LOG, LOG2, LOG10 -> "log";
		case SQRT -> "sqrt";
		case SIN, COS, TAN, TANH -> "trig";
		case POWER -> "pow";
		case ABS -> null;
		};
		if (op == null) {
			return call.getType() instanceof IrFloatType ? null : integer("add", bits(call.getType()));
		}
		return floating(op, call.getType());
	}

	private Operation multiply(IrBinary binary) {
		int a = effectiveBits(binary.getLeft());
		int b = effectiveBits(binary.getRight());
		if (a == 0 || b == 0 || isPowerOfTwo(binary.getLeft()) || isPowerOfTwo(binary.getRight())) {
			return null;
		}
		int wide = Math.max(a, b);
		int narrow = Math.min(a, b);
		int resultBits = bits(binary.getType());
		String name = "int.mul " + narrow + "x" + wide;
		if (wide <= device.number("int.mul.lut.max.bits")) {
			return new Operation(name, 1, new Resources(0, 0, 0, resultBits * device.number("int.mul.ff.per.bit"),
					(long) a * b * device.number("int.mul.lut.per.bit")));
		}
		long tiles = ceilDiv(wide, device.number("int.mul.dsp.a")) * ceilDiv(narrow, device.number("int.mul.dsp.b"));
		int latency = (int) (device.number("int.mul.latency.base") + ceilLog2(tiles));
		return new Operation(name, latency, new Resources(tiles, 0, 0, resultBits * device.number("int.mul.ff.per.bit"),
				resultBits * device.number("int.mul.lut.per.bit")));
	}

	private Operation divide(IrBinary binary) {
		if (isPowerOfTwo(binary.getRight())) {
			return integer("logic", bits(binary.getType()));
		}
		int width = Math.max(effectiveBits(binary.getLeft()), effectiveBits(binary.getRight()));
		return new Operation("int.div " + width, (int) (width * device.number("int.div.latency.per.bit")),
				new Resources(0, 0, 0, width * device.number("int.div.ff.per.bit"), width * device.number("int.div.lut.per.bit")));
	}

	private Operation integer(String op, int width) {
		return new Operation("int." + op, (int) device.number("int." + op + ".latency"), new Resources(0, 0, 0,
				width * device.number("int." + op + ".ff.per.bit"), width * device.number("int." + op + ".lut.per.bit")));
	}

	/** A floating-point core; half precision falls back to the single-precision entry when the table has none. */
	private Operation floating(String op, IrType type) {
		String prefix = floatPrefix(type);
		if (!device.has(prefix + "." + op + ".latency")) {
			prefix = "f32";
		}
		String key = prefix + "." + op;
		return new Operation(key, (int) device.number(key + ".latency"), new Resources(device.number(key + ".dsp"), 0, 0,
				device.number(key + ".ff"), device.number(key + ".lut")));
	}

	private static String floatPrefix(IrType type) {
		if (type instanceof IrFloatType floatType) {
			return switch (floatType.getKind()) {
			case F16, BF16 -> "f16";
			case F32 -> "f32";
			case F64 -> "f64";
			};
		}
		return "f32";
	}

	/** The bits an operand really carries: a widening cast carries its source's, a constant its magnitude's. */
	static int effectiveBits(IrExpr expr) {
		if (expr instanceof IrCast cast && !(cast.getOperand().getType() instanceof IrFloatType)
				&& bits(cast.getOperand().getType()) < bits(cast.getType())) {
			return effectiveBits(cast.getOperand());
		}
		if (expr instanceof IrConstant constant && constant.getInteger() != null) {
			return constant.getInteger().signum() == 0 ? 0 : constant.getInteger().abs().bitLength() + 1;
		}
		return bits(expr.getType());
	}

	public static int bits(IrType type) {
		if (type instanceof IrIntType intType) {
			return intType.getBits();
		}
		if (type instanceof IrFixedType fixed) {
			return fixed.getBits();
		}
		if (type instanceof IrFloatType floatType) {
			return switch (floatType.getKind()) {
			case F16, BF16 -> 16;
			case F32 -> 32;
			case F64 -> 64;
			};
		}
		return INDEX_BITS;
	}

	private static boolean isPowerOfTwo(IrExpr expr) {
		if (expr instanceof IrConstant constant && constant.getInteger() != null) {
			BigInteger value = constant.getInteger().abs();
			return value.signum() > 0 && value.bitCount() == 1;
		}
		return false;
	}

	private static long ceilDiv(long a, long b) {
		return (a + b - 1) / b;
	}

	private static int ceilLog2(long n) {
		return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
	}
}
