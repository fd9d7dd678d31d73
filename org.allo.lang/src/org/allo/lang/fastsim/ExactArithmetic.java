package org.allo.lang.fastsim;

import org.allo.lang.ir.IrBinary;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrFixedType;
import org.allo.lang.ir.IrType;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Emits binary operations on integer and fixed-point operands (Arithmetic.exactBinary): operands aligned
 * to the larger number of fractional bits, the operation on longs, the result converted to the node's
 * type. The width of each intermediate result is tracked so that operations whose result may exceed a
 * long are only followed by conversions that need just its low 64 bits; anything else is refused.
 */
final class ExactArithmetic {

	private final MethodContext context;
	private final MethodVisitor method;
	private final Conversions conversions;
	private final ExpressionEmitter expressions;

	ExactArithmetic(MethodContext context, ExpressionEmitter expressions) {
		this.context = context;
		this.method = context.method;
		this.conversions = context.conversions;
		this.expressions = expressions;
	}

	Rep binary(IrBinary binary, Rep left, Rep right) throws Unsupported {
		IrBinaryOp op = binary.getOp();
		IrType result = binary.getType();
		return switch (op) {
		case MUL -> multiply(binary, left, right);
		case ADD, SUB, BIT_AND, BIT_OR, BIT_XOR -> conversions.convert(modular(binary, left, right), result);
		case DIV, FLOOR_DIV, MOD -> conversions.convert(division(binary, left, right), result);
		case POW -> power(binary, result);
		case MIN, MAX -> choose(binary, left, right);
		default -> {
			aligned(binary, left, right, "a comparison");
			method.visitInsn(Opcodes.LCMP);
			compare(method, op);
			yield conversions.truthValue(result);
		}
		};
	}

	/**
	 * A product wider than a long whose result drops fractional bits (a fixed-point product, or its integer
	 * part) is computed from the exact 128-bit product; other products keep their low 64 bits.
	 */
	private Rep multiply(IrBinary binary, Rep left, Rep right) throws Unsupported {
		int width = left.width() + right.width();
		int fracs = left.fracs() + right.fracs();
		boolean nonNegative = left.nonNegative() && right.nonNegative();
		Rep target = Rep.of(binary.getType());
		int dropped = fracs - target.fracs();
		expressions.scalar(binary.getLeft());
		expressions.scalar(binary.getRight());
		if (width > Long.SIZE && left.isExact() && right.isExact() && dropped > 0) {
			conversions.push(dropped);
			boolean truncate = !(binary.getType() instanceof IrFixedType);
			method.visitMethodInsn(Opcodes.INVOKESTATIC, Conversions.OPS, truncate ? "multiplyTruncate" : "multiplyShift", "(JJI)J", false);
			return conversions.convert(Rep.integer(Math.max(width - dropped, 1), target.fracs(), nonNegative), binary.getType());
		}
		method.visitInsn(Opcodes.LMUL);
		return conversions.convert(Rep.integer(width, fracs, nonNegative), binary.getType());
	}

	/** Operations whose low 64 bits depend only on the operands' low 64 bits. */
	private Rep modular(IrBinary binary, Rep left, Rep right) throws Unsupported {
		int fracs = Math.max(left.fracs(), right.fracs());
		expressions.scalar(binary.getLeft());
		Rep a = conversions.rescale(left, fracs);
		expressions.scalar(binary.getRight());
		Rep b = conversions.rescale(right, fracs);
		boolean nonNegative = a.nonNegative() && b.nonNegative();
		int width = Math.max(a.width(), b.width());
		switch (binary.getOp()) {
		case ADD -> {
			method.visitInsn(Opcodes.LADD);
			return Rep.integer(width + 1, fracs, nonNegative);
		}
		case SUB -> {
			method.visitInsn(Opcodes.LSUB);
			return Rep.integer(width + 1, fracs, false);
		}
		case BIT_AND -> method.visitInsn(Opcodes.LAND);
		case BIT_OR -> method.visitInsn(Opcodes.LOR);
		default -> method.visitInsn(Opcodes.LXOR);
		}
		return Rep.integer(width, fracs, nonNegative);
	}

	private Rep division(IrBinary binary, Rep left, Rep right) throws Unsupported {
		Rep[] operands = aligned(binary, left, right, "a division");
		Rep a = operands[0];
		Rep b = operands[1];
		IrBinaryOp op = binary.getOp();
		if (op == IrBinaryOp.DIV && a.fracs() != 0) {
			return fixedDivision(binary, a);
		}
		conversions.push(context.line);
		String helper = switch (op) {
		case DIV -> "divide";
		case FLOOR_DIV -> "floorDivide";
		default -> "remainder";
		};
		method.visitMethodInsn(Opcodes.INVOKESTATIC, Conversions.OPS, helper, "(JJI)J", false);
		return switch (op) {
		case DIV -> Rep.integer(a.width() + 1, 0, a.nonNegative() && b.nonNegative());
		case FLOOR_DIV -> Rep.integer(a.width() + 1, 0, false);
		default -> Rep.integer(Math.max(a.width(), b.width()), a.fracs(), a.nonNegative());
		};
	}

	/**
	 * Division with a fixed-point operand: the dividend shifted to the result's fractional bits (none for
	 * an integer result) and the quotient floored (Arithmetic.divide). Integers divide toward zero instead.
	 */
	private Rep fixedDivision(IrBinary binary, Rep dividend) throws Unsupported {
		int resultFracs = binary.getType() instanceof IrFixedType fixed ? fixed.getFracs() : 0;
		if (dividend.width() + resultFracs > Long.SIZE) {
			throw new Unsupported(expressions.where() + "a fixed-point division needs more than 64 bits");
		}
		conversions.push(resultFracs);
		conversions.push(context.line);
		method.visitMethodInsn(Opcodes.INVOKESTATIC, Conversions.OPS, "fixedDivide", "(JJII)J", false);
		return Rep.integer(dividend.width() + resultFracs + 1, resultFracs, false);
	}

	private Rep power(IrBinary binary, IrType result) throws Unsupported {
		Rep base = expressions.scalar(binary.getLeft());
		Rep exponent = expressions.scalar(binary.getRight());
		Conversions.requireExact(base, expressions.where() + "a power");
		Conversions.requireExact(exponent, expressions.where() + "a power");
		conversions.push(Conversions.bits(result));
		conversions.push(Conversions.signed(result) ? 1 : 0);
		method.visitMethodInsn(Opcodes.INVOKESTATIC, Conversions.OPS, "integerPower", "(JJIZ)J", false);
		return Rep.of(result);
	}

	/** min/max compare the aligned operands and convert the chosen operand, in its own type, to the result. */
	private Rep choose(IrBinary binary, Rep left, Rep right) throws Unsupported {
		int fracs = Math.max(left.fracs(), right.fracs());
		int leftSlot = context.newSlot(2);
		int rightSlot = context.newSlot(2);
		expressions.scalar(binary.getLeft());
		method.visitVarInsn(Opcodes.LSTORE, leftSlot);
		expressions.scalar(binary.getRight());
		method.visitVarInsn(Opcodes.LSTORE, rightSlot);
		method.visitVarInsn(Opcodes.LLOAD, leftSlot);
		Conversions.requireExact(conversions.rescale(left, fracs), expressions.where() + "min/max");
		method.visitVarInsn(Opcodes.LLOAD, rightSlot);
		Conversions.requireExact(conversions.rescale(right, fracs), expressions.where() + "min/max");
		method.visitInsn(Opcodes.LCMP);
		Label takeRight = new Label();
		Label done = new Label();
		method.visitJumpInsn(binary.getOp() == IrBinaryOp.MIN ? Opcodes.IFGT : Opcodes.IFLT, takeRight);
		method.visitVarInsn(Opcodes.LLOAD, leftSlot);
		conversions.convert(left, binary.getType());
		method.visitJumpInsn(Opcodes.GOTO, done);
		method.visitLabel(takeRight);
		method.visitVarInsn(Opcodes.LLOAD, rightSlot);
		conversions.convert(right, binary.getType());
		method.visitLabel(done);
		return Rep.of(binary.getType());
	}

	/** Emits both operands at their common fractional bits; both must then fit a long exactly. */
	private Rep[] aligned(IrBinary binary, Rep left, Rep right, String what) throws Unsupported {
		int fracs = Math.max(left.fracs(), right.fracs());
		expressions.scalar(binary.getLeft());
		Rep a = conversions.rescale(left, fracs);
		Conversions.requireExact(a, expressions.where() + what);
		expressions.scalar(binary.getRight());
		Rep b = conversions.rescale(right, fracs);
		Conversions.requireExact(b, expressions.where() + what);
		return new Rep[] { a, b };
	}

	/** [int from LCMP, DCMPL or DCMPG] → an int that is non-zero when the comparison holds. */
	static void compare(MethodVisitor method, IrBinaryOp op) {
		Label isFalse = new Label();
		Label done = new Label();
		method.visitJumpInsn(switch (op) {
		case LT -> Opcodes.IFGE;
		case LE -> Opcodes.IFGT;
		case GT -> Opcodes.IFLE;
		case GE -> Opcodes.IFLT;
		case EQ -> Opcodes.IFNE;
		default -> Opcodes.IFEQ;
		}, isFalse);
		method.visitInsn(Opcodes.ICONST_1);
		method.visitJumpInsn(Opcodes.GOTO, done);
		method.visitLabel(isFalse);
		method.visitInsn(Opcodes.ICONST_0);
		method.visitLabel(done);
	}
}
