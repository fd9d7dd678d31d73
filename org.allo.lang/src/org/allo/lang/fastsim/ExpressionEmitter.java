package org.allo.lang.fastsim;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import org.allo.lang.interpreter.Arithmetic;
import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.SimulationError;
import org.allo.lang.ir.IrBinary;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrBitSlice;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrCast;
import org.allo.lang.ir.IrConstant;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFixedType;
import org.allo.lang.ir.IrFloatKind;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrMathCall;
import org.allo.lang.ir.IrMathFunction;
import org.allo.lang.ir.IrSelect;
import org.allo.lang.ir.IrStreamGet;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrUnary;
import org.allo.lang.ir.IrVarRef;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Emits IR expressions as the interpreter evaluates them: operands left to right, each in its own type,
 * the exact result of the operation converted to the node's type ({@link Conversions}). Integer and
 * fixed-point operations run on longs when their exact result fits one (or only its low 64 bits matter);
 * float operations run in double and are rounded to the result format, except float32 + - * / on float32
 * operands, which are JVM float operations (double rounding of these is exact, so the bits agree).
 */
final class ExpressionEmitter {

	private final MethodContext context;
	private final MethodVisitor method;
	private final Conversions conversions;
	private final AccessEmitter access;
	private CallEmitter calls;

	ExpressionEmitter(MethodContext context, AccessEmitter access) {
		this.context = context;
		this.method = context.method;
		this.conversions = context.conversions;
		this.access = access;
	}

	void setCalls(CallEmitter calls) {
		this.calls = calls;
	}

	/** The rep a scalar expression's value has: its type's, except a call's, which is its callee's result. */
	static Rep repOf(IrExpr expr) throws Unsupported {
		if (expr instanceof IrCall call) {
			return Rep.of(CallEmitter.singleResult(call));
		}
		if (expr instanceof IrStreamGet get) {
			return Rep.of(Interpreter.elementType(get.getStream().getType()));
		}
		return Rep.of(expr.getType());
	}

	/** A load without indices of a tensor buffer, which the interpreter evaluates to the tensor itself. */
	static boolean isTensorReference(IrExpr expr) {
		return expr instanceof IrLoad load && load.getIndices().isEmpty() && load.getBuffer().getType() instanceof IrTensorType
				|| expr instanceof IrLoad streamLoad && streamLoad.getBuffer().getType() instanceof IrStreamType;
	}

	/** Emits a scalar expression and returns the rep its value is held in. */
	Rep scalar(IrExpr expr) throws Unsupported {
		if (expr instanceof IrConstant constant) {
			return constant(constant);
		}
		if (expr instanceof IrVarRef ref) {
			return variable(ref);
		}
		if (expr instanceof IrLoad load) {
			return access.load(load);
		}
		if (expr instanceof IrBinary binary) {
			return binary(binary);
		}
		if (expr instanceof IrUnary unary) {
			return unary(unary);
		}
		if (expr instanceof IrCast cast) {
			return conversions.convert(scalar(cast.getOperand()), cast.getType());
		}
		if (expr instanceof IrSelect select) {
			return select(select);
		}
		if (expr instanceof IrMathCall math) {
			return math(math);
		}
		if (expr instanceof IrBitSlice slice) {
			return bitSlice(slice);
		}
		if (expr instanceof IrStreamGet get) {
			return access.streamGet(get);
		}
		if (expr instanceof IrCall call) {
			return calls.callForValue(call);
		}
		throw new Unsupported(where() + expr.eClass().getName() + " as a scalar value");
	}

	/** Emits the value converted to the type (assignments, stores, arguments). */
	void scalarAs(IrExpr expr, IrType type) throws Unsupported {
		conversions.convert(scalar(expr), type);
	}

	/** Emits the expression as a long like Interpreter.integer: the integer part, or a float cast to long. */
	void integer(IrExpr expr) throws Unsupported {
		Rep rep = scalar(expr);
		switch (rep.kind()) {
		case EXACT, MODULAR -> {
			if (rep.fracs() != 0) {
				Conversions.requireExact(rep, where() + "an index");
				conversions.push(rep.fracs());
				method.visitMethodInsn(Opcodes.INVOKESTATIC, Conversions.OPS, "integerPart", "(JI)J", false);
			}
		}
		case FLOAT -> method.visitInsn(Opcodes.F2L);
		case DOUBLE -> method.visitInsn(Opcodes.D2L);
		}
	}

	/** Emits the truth of a condition as an int, zero for false. */
	void condition(IrExpr expr) throws Unsupported {
		conversions.truth(scalar(expr));
	}

	/** The constant's value in its type, as the interpreter evaluates it. */
	static Scalar valueOf(IrConstant constant) throws SimulationError {
		return Arithmetic.convert(constant.getInteger() != null ? new Scalar.Exact(constant.getInteger(), 0)
				: Scalar.of(constant.getReal()), constant.getType());
	}

	private Rep constant(IrConstant constant) throws Unsupported {
		Scalar value;
		try {
			value = valueOf(constant);
		} catch (SimulationError e) {
			throw new Unsupported(where() + e.getMessage());
		}
		Rep rep = Rep.of(constant.getType());
		if (value instanceof Scalar.Exact exact) {
			BigInteger raw = exact.raw();
			method.visitLdcInsn(raw.longValue());
			return raw.bitLength() < Long.SIZE ? Rep.integer(raw.bitLength() + 1, rep.fracs(), raw.signum() >= 0) : rep;
		}
		if (rep.kind() == Rep.Kind.FLOAT) {
			method.visitLdcInsn((float) value.toDouble());
		} else {
			method.visitLdcInsn(value.toDouble());
		}
		return rep;
	}

	private Rep variable(IrVarRef ref) throws Unsupported {
		if (!context.isAssigned(ref.getVar())) {
			throw new Unsupported(where() + "'" + ref.getVar().getName() + "' may be read before it has a value");
		}
		Rep rep = Rep.of(ref.getVar().getType());
		method.visitVarInsn(rep.loadOpcode(), context.slotOf(ref.getVar(), rep.size()));
		return rep;
	}

	private Rep binary(IrBinary binary) throws Unsupported {
		IrBinaryOp op = binary.getOp();
		if (op == IrBinaryOp.AND || op == IrBinaryOp.OR) {
			return shortCircuit(binary);
		}
		Rep left = repOf(binary.getLeft());
		Rep right = repOf(binary.getRight());
		if (op == IrBinaryOp.SHL || op == IrBinaryOp.SHR) {
			return shift(binary, left, right);
		}
		boolean exact = left.isInteger() && right.isInteger() && !(binary.getType() instanceof IrFloatType);
		boolean integerPower = left.fracs() == 0 && right.fracs() == 0 && binary.getType() instanceof IrIntType;
		if (exact && (op != IrBinaryOp.POW || integerPower)) {
			return new ExactArithmetic(context, this).binary(binary, left, right);
		}
		return realBinary(binary, left, right);
	}

	/** and/or: the right operand is evaluated only when the left does not decide (Python). */
	private Rep shortCircuit(IrBinary binary) throws Unsupported {
		Label decided = new Label();
		condition(binary.getLeft());
		method.visitInsn(Opcodes.DUP);
		method.visitJumpInsn(binary.getOp() == IrBinaryOp.AND ? Opcodes.IFEQ : Opcodes.IFNE, decided);
		method.visitInsn(Opcodes.POP);
		condition(binary.getRight());
		method.visitLabel(decided);
		return conversions.truthValue(binary.getType());
	}

	private Rep shift(IrBinary binary, Rep left, Rep right) throws Unsupported {
		if (!left.isInteger() || !right.isInteger()) {
			throw new Unsupported(where() + "a shift of a float");
		}
		boolean leftShift = binary.getOp() == IrBinaryOp.SHL;
		if (!leftShift) {
			Conversions.requireExact(left, where() + "a right shift");
		}
		Conversions.requireExact(right, where() + "a shift amount");
		scalar(binary.getLeft());
		scalar(binary.getRight());
		conversions.push(right.fracs());
		conversions.push(context.line);
		method.visitMethodInsn(Opcodes.INVOKESTATIC, Conversions.OPS, "shiftDistance", "(JII)J", false);
		method.visitMethodInsn(Opcodes.INVOKESTATIC, Conversions.OPS, leftShift ? "shiftLeft" : "shiftRight", "(JJ)J", false);
		Long distance = constantValue(binary.getRight());
		int width = !leftShift ? left.width()
				: distance != null && distance >= 0 && distance < Long.SIZE ? left.width() + distance.intValue() : Long.SIZE + 1;
		return conversions.convert(Rep.integer(width, left.fracs(), left.nonNegative()), binary.getType());
	}

	/** The integer value of a constant expression, or null. */
	static Long constantValue(IrExpr expr) {
		if (expr instanceof IrConstant constant && constant.getInteger() != null) {
			try {
				Scalar value = Arithmetic.convert(new Scalar.Exact(constant.getInteger(), 0), constant.getType());
				return value instanceof Scalar.Exact exact && exact.fracs() == 0 && exact.raw().bitLength() < Long.SIZE
						? exact.raw().longValue() : null;
			} catch (SimulationError e) {
				return null;
			}
		}
		return null;
	}

	private Rep realBinary(IrBinary binary, Rep left, Rep right) throws Unsupported {
		IrBinaryOp op = binary.getOp();
		if (isFloat32Arithmetic(binary, left, right)) {
			scalar(binary.getLeft());
			scalar(binary.getRight());
			method.visitInsn(switch (op) {
			case ADD -> Opcodes.FADD;
			case SUB -> Opcodes.FSUB;
			case MUL -> Opcodes.FMUL;
			default -> Opcodes.FDIV;
			});
			return Rep.FLOAT;
		}
		conversions.toDouble(scalar(binary.getLeft()));
		conversions.toDouble(scalar(binary.getRight()));
		switch (op) {
		case ADD -> method.visitInsn(Opcodes.DADD);
		case SUB -> method.visitInsn(Opcodes.DSUB);
		case MUL -> method.visitInsn(Opcodes.DMUL);
		case DIV -> method.visitInsn(Opcodes.DDIV);
		case FLOOR_DIV -> {
			method.visitInsn(Opcodes.DDIV);
			math("floor", "(D)D");
		}
		case MOD -> method.visitInsn(Opcodes.DREM);
		case POW -> math("pow", "(DD)D");
		case MIN -> math("min", "(DD)D");
		case MAX -> math("max", "(DD)D");
		case LT, LE, GT, GE, EQ, NE -> {
			compareDoubles(op);
			return conversions.truthValue(binary.getType());
		}
		default -> throw new Unsupported(where() + "operator " + op + " on float operands");
		}
		return conversions.convert(Rep.DOUBLE, binary.getType());
	}

	private static boolean isFloat32Arithmetic(IrBinary binary, Rep left, Rep right) {
		boolean basic = switch (binary.getOp()) {
		case ADD, SUB, MUL, DIV -> true;
		default -> false;
		};
		return basic && left.kind() == Rep.Kind.FLOAT && right.kind() == Rep.Kind.FLOAT
				&& binary.getType() instanceof IrFloatType type && type.getKind() == IrFloatKind.F32;
	}

	/** [double a, double b] → an int that is non-zero when the comparison holds; false on NaN except for !=. */
	private void compareDoubles(IrBinaryOp op) {
		boolean lowOnNaN = op == IrBinaryOp.GT || op == IrBinaryOp.GE || op == IrBinaryOp.EQ || op == IrBinaryOp.NE;
		method.visitInsn(lowOnNaN ? Opcodes.DCMPL : Opcodes.DCMPG);
		ExactArithmetic.compare(method, op);
	}

	private void math(String name, String descriptor) {
		method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Math", name, descriptor, false);
	}

	private Rep unary(IrUnary unary) throws Unsupported {
		return switch (unary.getOp()) {
		case NOT -> not(unary);
		case NEG -> negate(unary);
		case INVERT -> invert(unary);
		case REVERSE -> new BitReinterpretationEmitter(context, this).reverse(unary);
		case BITCAST -> new BitReinterpretationEmitter(context, this).bitcast(unary);
		};
	}

	private Rep not(IrUnary unary) throws Unsupported {
		condition(unary.getOperand());
		Label isFalse = new Label();
		Label done = new Label();
		method.visitJumpInsn(Opcodes.IFEQ, isFalse);
		method.visitInsn(Opcodes.ICONST_0);
		method.visitJumpInsn(Opcodes.GOTO, done);
		method.visitLabel(isFalse);
		method.visitInsn(Opcodes.ICONST_1);
		method.visitLabel(done);
		return conversions.truthValue(unary.getType());
	}

	private Rep negate(IrUnary unary) throws Unsupported {
		Rep operand = scalar(unary.getOperand());
		switch (operand.kind()) {
		case EXACT, MODULAR -> method.visitInsn(Opcodes.LNEG);
		case FLOAT -> method.visitInsn(Opcodes.FNEG);
		case DOUBLE -> method.visitInsn(Opcodes.DNEG);
		}
		Rep negated = operand.isInteger() ? Rep.integer(operand.width() + 1, operand.fracs(), false) : operand;
		return conversions.convert(negated, unary.getType());
	}

	private Rep invert(IrUnary unary) throws Unsupported {
		Rep operand = scalar(unary.getOperand());
		if (!operand.isInteger()) {
			throw new Unsupported(where() + "~ of a float");
		}
		method.visitLdcInsn(-1L);
		method.visitInsn(Opcodes.LXOR);
		return conversions.convert(new Rep(operand.kind(), operand.fracs(), operand.width(), false), unary.getType());
	}

	private Rep select(IrSelect select) throws Unsupported {
		Label otherwise = new Label();
		Label done = new Label();
		condition(select.getCondition());
		method.visitJumpInsn(Opcodes.IFEQ, otherwise);
		scalarAs(select.getWhenTrue(), select.getType());
		method.visitJumpInsn(Opcodes.GOTO, done);
		method.visitLabel(otherwise);
		scalarAs(select.getWhenFalse(), select.getType());
		method.visitLabel(done);
		return Rep.of(select.getType());
	}

	private Rep math(IrMathCall call) throws Unsupported {
		IrMathFunction function = call.getFunction();
		List<IrExpr> args = call.getArgs();
		if (args.size() != (function == IrMathFunction.POWER ? 2 : 1)) {
			throw new Unsupported(where() + function.getLiteral().toLowerCase() + " with " + args.size() + " arguments");
		}
		Rep first = repOf(args.get(0));
		if (function == IrMathFunction.ABS && first.isInteger()) {
			scalar(args.get(0));
			math("abs", "(J)J");
			return conversions.convert(Rep.integer(first.width() + 1, first.fracs(), true), call.getType());
		}
		for (IrExpr arg : args) {
			conversions.toDouble(scalar(arg));
		}
		switch (function) {
		case LOG2 -> method.visitMethodInsn(Opcodes.INVOKESTATIC, Conversions.OPS, "log2", "(D)D", false);
		case POWER -> math("pow", "(DD)D");
		default -> math(function.getLiteral().toLowerCase(), "(D)D");
		}
		return conversions.convert(Rep.DOUBLE, call.getType());
	}

	private Rep bitSlice(IrBitSlice slice) throws Unsupported {
		Rep operand = repOf(slice.getOperand());
		if (!operand.isInteger() || operand.fracs() != 0) {
			throw new Unsupported(where() + "a bit slice of a float or fixed-point value");
		}
		Conversions.requireExact(operand, where() + "a bit slice");
		scalar(slice.getOperand());
		integer(slice.getLow());
		integer(slice.getHigh());
		conversions.push(context.line);
		method.visitMethodInsn(Opcodes.INVOKESTATIC, Conversions.OPS, "bitSlice", "(JJJI)J", false);
		Long low = constantValue(slice.getLow());
		Long high = constantValue(slice.getHigh());
		boolean narrow = low != null && high != null && high > low && high - low < Long.SIZE;
		Rep bits = narrow ? Rep.integer((int) (high - low) + 1, 0, true) : Rep.integer(Long.SIZE + 1, 0, true);
		return conversions.convert(bits, slice.getType());
	}

	/** "line N: " for reasons of falling back. */
	String where() {
		return context.line == 0 ? "" : "line " + context.line + ": ";
	}

	/** The shape of a buffer, as Interpreter.shape. */
	static long[] shapeOf(IrBuffer buffer) {
		return Interpreter.shape(buffer.getType());
	}

	static boolean sameShape(IrType a, IrType b) {
		return Arrays.equals(Interpreter.shape(a), Interpreter.shape(b));
	}
}
