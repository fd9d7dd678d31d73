package org.allo.lang.fastsim;

import org.allo.lang.ir.IrFixedType;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrType;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Emits the conversions of {@link org.allo.lang.interpreter.Arithmetic#convert} between {@link Rep}s:
 * integers wrap, fixed point rescales by floor and wraps, fixed point to integers truncates toward zero,
 * floats round to their format.
 */
final class Conversions {

	static final String OPS = Type.getInternalName(FastOps.class);

	private final MethodVisitor method;

	Conversions(MethodVisitor method) {
		this.method = method;
	}

	/**
	 * The value on the stack, held as {@code from}, converted to {@code to}; returns the rep of the result,
	 * {@code Rep.of(to)} or, for integers that needed no wrap, a narrower one.
	 */
	Rep convert(Rep from, IrType to) throws Unsupported {
		Rep target = Rep.of(to);
		if (to instanceof IrFloatType real) {
			toFloat(from, real);
		} else if (!from.isInteger()) {
			realToInteger(from, to);
		} else {
			return integerToInteger(from, to, target);
		}
		return target;
	}

	private void toFloat(Rep from, IrFloatType real) throws Unsupported {
		if (from.kind() == Rep.Kind.FLOAT && Rep.of(real).kind() == Rep.Kind.FLOAT) {
			return;
		}
		toDouble(from);
		switch (real.getKind()) {
		case F64 -> {
		}
		case F32 -> method.visitInsn(Opcodes.D2F);
		case F16 -> method.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "roundHalf", "(D)D", false);
		case BF16 -> method.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "roundBrain", "(D)D", false);
		}
	}

	private void realToInteger(Rep from, IrType to) {
		if (from.kind() == Rep.Kind.FLOAT) {
			method.visitInsn(Opcodes.F2D);
		}
		if (to instanceof IrFixedType fixed) {
			push(fixed.getFracs());
			push(fixed.getBits());
			push(fixed.isSigned() ? 1 : 0);
			method.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "realToFixed", "(DIIZ)J", false);
		} else {
			push(bits(to));
			push(signed(to) ? 1 : 0);
			method.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "realToInteger", "(DIZ)J", false);
		}
	}

	private Rep integerToInteger(Rep from, IrType to, Rep target) throws Unsupported {
		Rep value = from;
		if (to instanceof IrFixedType fixed) {
			value = rescale(from, fixed.getFracs());
		} else if (from.fracs() != 0) {
			requireExact(from, "converting a wide fixed-point value to an integer");
			push(from.fracs());
			method.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "integerPart", "(JI)J", false);
			value = Rep.integer(from.width(), 0, from.nonNegative());
		}
		if (!inRange(value, target, bits(to), signed(to))) {
			wrap(bits(to), signed(to));
			return target;
		}
		return value.isExact() && target.isExact() ? narrower(value, target) : target;
	}

	/**
	 * A value that needed no wrap keeps the tighter width it had: Fixed(40, 3)(x) of a Fixed(8, 3) x still
	 * needs only 8 bits, so products of such casts stay within a long.
	 */
	private static Rep narrower(Rep value, Rep target) {
		return new Rep(Rep.Kind.EXACT, target.fracs(), Math.min(value.width(), target.width()),
				value.nonNegative() || target.nonNegative());
	}

	/** True when the value is already what wrapping to bits would make of it. */
	private static boolean inRange(Rep value, Rep target, int bits, boolean signed) {
		if (target.kind() == Rep.Kind.MODULAR || signed && bits == Long.SIZE) {
			return true;
		}
		if (!value.isExact()) {
			return false;
		}
		return signed ? value.width() <= bits : value.nonNegative() && value.width() <= bits + 1;
	}

	private void wrap(int bits, boolean signed) {
		int unused = Long.SIZE - bits;
		if (signed) {
			push(unused);
			method.visitInsn(Opcodes.LSHL);
			push(unused);
			method.visitInsn(Opcodes.LSHR);
		} else {
			method.visitLdcInsn(-1L >>> unused);
			method.visitInsn(Opcodes.LAND);
		}
	}

	/** The raw value moved to {@code fracs} fractional bits: shifted left, or floored by an arithmetic shift. */
	Rep rescale(Rep from, int fracs) throws Unsupported {
		int distance = fracs - from.fracs();
		if (distance == 0) {
			return from;
		}
		if (distance > 0) {
			if (distance >= Long.SIZE) {
				method.visitInsn(Opcodes.POP2);
				method.visitInsn(Opcodes.LCONST_0);
			} else {
				push(distance);
				method.visitInsn(Opcodes.LSHL);
			}
			return Rep.integer(from.width() + distance, fracs, from.nonNegative());
		}
		requireExact(from, "dropping fractional bits of a value wider than 64 bits");
		push(Math.min(-distance, Long.SIZE - 1));
		method.visitInsn(Opcodes.LSHR);
		return Rep.integer(Math.max(from.width() + distance, 1), fracs, from.nonNegative());
	}

	/** The value as a double, like Scalar.toDouble. */
	void toDouble(Rep from) throws Unsupported {
		switch (from.kind()) {
		case EXACT -> {
			if (from.fracs() == 0) {
				method.visitInsn(Opcodes.L2D);
			} else {
				push(from.fracs());
				method.visitMethodInsn(Opcodes.INVOKESTATIC, OPS, "toDouble", "(JI)D", false);
			}
		}
		case MODULAR -> throw new Unsupported("a value wider than 64 bits is used as a float");
		case FLOAT -> method.visitInsn(Opcodes.F2D);
		case DOUBLE -> {
		}
		}
	}

	/** The value's truth as an int: 0 when it is zero, non-zero otherwise (NaN is true, as in Python). */
	void truth(Rep from) throws Unsupported {
		switch (from.kind()) {
		case EXACT -> {
			method.visitInsn(Opcodes.LCONST_0);
			method.visitInsn(Opcodes.LCMP);
		}
		case MODULAR -> throw new Unsupported("the truth of a value wider than 64 bits is tested");
		case FLOAT -> {
			method.visitInsn(Opcodes.FCONST_0);
			method.visitInsn(Opcodes.FCMPL);
		}
		case DOUBLE -> {
			method.visitInsn(Opcodes.DCONST_0);
			method.visitInsn(Opcodes.DCMPL);
		}
		}
	}

	/** An int that is zero or not → 1 or 0 converted to the type, like Arithmetic.truth. */
	Rep truthValue(IrType type) throws Unsupported {
		Label isFalse = new Label();
		Label done = new Label();
		method.visitJumpInsn(Opcodes.IFEQ, isFalse);
		method.visitInsn(Opcodes.LCONST_1);
		method.visitJumpInsn(Opcodes.GOTO, done);
		method.visitLabel(isFalse);
		method.visitInsn(Opcodes.LCONST_0);
		method.visitLabel(done);
		return convert(Rep.TRUTH, type);
	}

	static void requireExact(Rep rep, String what) throws Unsupported {
		if (!rep.isExact()) {
			throw new Unsupported(what + " needs more than 64 bits");
		}
	}

	/** The width an integer, index or fixed-point type wraps to (index: 64-bit signed). */
	static int bits(IrType type) {
		if (type instanceof IrFixedType fixed) {
			return fixed.getBits();
		}
		return type instanceof IrIntType integer ? integer.getBits() : Long.SIZE;
	}

	static boolean signed(IrType type) {
		if (type instanceof IrFixedType fixed) {
			return fixed.isSigned();
		}
		return !(type instanceof IrIntType integer) || integer.isSigned();
	}

	void push(int value) {
		if (value >= -1 && value <= 5) {
			method.visitInsn(Opcodes.ICONST_0 + value);
		} else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
			method.visitIntInsn(Opcodes.BIPUSH, value);
		} else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
			method.visitIntInsn(Opcodes.SIPUSH, value);
		} else {
			method.visitLdcInsn(value);
		}
	}
}
