package org.allo.lang.fastsim;

import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrUnary;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Emits {@code x.reverse()} and {@code x.bitcast()} as the interpreter's BitReinterpretation computes them.
 * The operand and result types decide which case applies, so an operand the interpreter would refuse at run
 * time (a float to reverse, a fixed-point value to bitcast) is refused here at compile time.
 */
final class BitReinterpretationEmitter {

	private final MethodContext context;
	private final MethodVisitor method;
	private final ExpressionEmitter expressions;

	BitReinterpretationEmitter(MethodContext context, ExpressionEmitter expressions) {
		this.context = context;
		this.method = context.method;
		this.expressions = expressions;
	}

	/** The low bits of the result width in reverse order, read in the result type. */
	Rep reverse(IrUnary unary) throws Unsupported {
		Rep operand = ExpressionEmitter.repOf(unary.getOperand());
		if (!operand.isInteger() || operand.fracs() != 0 || !(unary.getType() instanceof IrIntType result)
				|| result.getBits() > Long.SIZE) {
			throw new Unsupported(expressions.where() + ".reverse() of a value that is not an integer of at most 64 bits");
		}
		expressions.scalar(unary.getOperand());
		context.conversions.push(result.getBits());
		method.visitMethodInsn(Opcodes.INVOKESTATIC, Conversions.OPS, "reverseBits", "(JI)J", false);
		return context.conversions.convert(Rep.integer(result.getBits() + 1, 0, true), result);
	}

	/** Integer bits read as a float, float bits read as an integer, or an integer in another signedness. */
	Rep bitcast(IrUnary unary) throws Unsupported {
		Rep operand = ExpressionEmitter.repOf(unary.getOperand());
		IrType result = unary.getType();
		boolean integer = operand.isInteger() && operand.fracs() == 0;
		if (integer && result instanceof IrFloatType real) {
			expressions.scalar(unary.getOperand());
			return integerToFloat(real);
		}
		if (!operand.isInteger() && result instanceof IrIntType type) {
			context.conversions.toDouble(expressions.scalar(unary.getOperand()));
			context.conversions.push(type.getBits());
			method.visitMethodInsn(Opcodes.INVOKESTATIC, Conversions.OPS, "floatBits", "(DI)J", false);
			return context.conversions.convert(Rep.integer(Long.SIZE, 0, false), type);
		}
		if (integer && result instanceof IrIntType) {
			return context.conversions.convert(expressions.scalar(unary.getOperand()), result);
		}
		throw new Unsupported(expressions.where() + ".bitcast() of a value that is neither an integer nor a float");
	}

	private Rep integerToFloat(IrFloatType real) throws Unsupported {
		switch (real.getKind()) {
		case F32 -> {
			method.visitInsn(Opcodes.L2I);
			method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
		}
		case F64 -> method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
		case F16 -> method.visitMethodInsn(Opcodes.INVOKESTATIC, Conversions.OPS, "halfFromBits", "(J)D", false);
		case BF16 -> method.visitMethodInsn(Opcodes.INVOKESTATIC, Conversions.OPS, "brainFromBits", "(J)D", false);
		}
		return Rep.of(real);
	}
}
