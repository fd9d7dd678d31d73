package org.allo.lang.fastsim;

import java.util.List;
import java.util.Set;

import org.allo.lang.interpreter.Faults;
import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrAssign;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrDeclare;
import org.allo.lang.ir.IrEval;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrIf;
import org.allo.lang.ir.IrIndexType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrReturn;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrStreamPut;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.IrWhile;
import org.allo.lang.ir.printer.IrTypes;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Emits IR statements as the interpreter executes them, including its step count: every statement
 * executed (blocks and loop bodies included) adds one, and passing the limit throws the interpreter's
 * error at the same statement. Returns leave the method at once; the counter is written back to the
 * {@code steps} field before.
 */
final class StatementEmitter {

	private static final String KERNEL = Type.getInternalName(CompiledKernel.class);

	private final MethodContext context;
	private final MethodVisitor method;
	private final ExpressionEmitter expressions;
	private final AccessEmitter access;
	private final CallEmitter calls;
	/** False while emitting a loop body whose steps were counted before the loop (see {@link #forLoop}). */
	private boolean counting = true;

	StatementEmitter(MethodContext context) {
		this.context = context;
		this.method = context.method;
		this.access = new AccessEmitter(context);
		this.expressions = new ExpressionEmitter(context, access);
		this.access.setExpressions(expressions);
		this.calls = new CallEmitter(context, expressions, access);
		this.expressions.setCalls(calls);
	}

	void statement(IrStatement statement) throws Unsupported {
		int outer = context.line;
		if (statement.getLine() != 0) {
			context.line = statement.getLine();
		}
		tick();
		dispatch(statement);
		context.line = outer;
	}

	private void tick() {
		if (!counting) {
			return;
		}
		method.visitVarInsn(Opcodes.LLOAD, context.stepsSlot);
		method.visitInsn(Opcodes.LCONST_1);
		method.visitInsn(Opcodes.LADD);
		method.visitInsn(Opcodes.DUP2);
		method.visitVarInsn(Opcodes.LSTORE, context.stepsSlot);
		method.visitVarInsn(Opcodes.LLOAD, context.maxStepsSlot);
		method.visitInsn(Opcodes.LCMP);
		Label fine = new Label();
		method.visitJumpInsn(Opcodes.IFLE, fine);
		context.conversions.push(context.line);
		method.visitVarInsn(Opcodes.LLOAD, context.maxStepsSlot);
		method.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(Faults.class), "tooManySteps",
				"(IJ)Lorg/allo/lang/interpreter/SimulationError;", false);
		method.visitInsn(Opcodes.ATHROW);
		method.visitLabel(fine);
	}

	private void dispatch(IrStatement statement) throws Unsupported {
		if (statement instanceof IrBlock block) {
			Set<IrValue> outer = context.enterScope();
			for (IrStatement inner : block.getStatements()) {
				statement(inner);
			}
			context.leaveScope(outer);
		} else if (statement instanceof IrFor loop) {
			forLoop(loop);
		} else if (statement instanceof IrWhile loop) {
			whileLoop(loop);
		} else if (statement instanceof IrIf branch) {
			ifThenElse(branch);
		} else if (statement instanceof IrReturn ret) {
			returnValues(ret);
		} else if (statement instanceof IrAlloc alloc) {
			allocate(alloc);
		} else if (statement instanceof IrDeclare declare) {
			assign(declare.getVar(), declare.getInit());
		} else if (statement instanceof IrAssign assign) {
			assign(assign.getTarget(), assign.getValue());
		} else if (statement instanceof IrStore store) {
			access.store(store);
		} else if (statement instanceof IrStreamPut put) {
			access.streamPut(put);
		} else if (statement instanceof IrEval eval) {
			evaluateForEffect(eval.getExpr());
		} else {
			throw new Unsupported(expressions.where() + statement.eClass().getName() + " statements");
		}
	}

	/**
	 * A counted loop. When its body is straight-line code (no loops, branches, calls or returns), every
	 * iteration takes the same number of steps; if all iterations fit under the step limit, a copy of
	 * the loop without per-statement counting runs and the steps are added at once. Otherwise the
	 * counting copy runs, which reports the limit at the same statement as the interpreter.
	 */
	private void forLoop(IrFor loop) throws Unsupported {
		if (loop.getStep() == 0) {
			throw new Unsupported(expressions.where() + "a loop with step 0");
		}
		int upper = context.newSlot(2);
		int counter = context.newSlot(2);
		expressions.integer(loop.getLower());
		method.visitVarInsn(Opcodes.LSTORE, counter);
		expressions.integer(loop.getUpper());
		method.visitVarInsn(Opcodes.LSTORE, upper);
		int perIteration = straightLineSteps(loop.getBody());
		if (perIteration == 0 || !counting) {
			iterations(loop, counter, upper);
			return;
		}
		int total = context.newSlot(2);
		Label counted = new Label();
		Label end = new Label();
		method.visitVarInsn(Opcodes.LLOAD, counter);
		method.visitVarInsn(Opcodes.LLOAD, upper);
		method.visitLdcInsn(loop.getStep());
		method.visitLdcInsn((long) perIteration);
		method.visitMethodInsn(Opcodes.INVOKESTATIC, Conversions.OPS, "loopSteps", "(JJJJ)J", false);
		method.visitInsn(Opcodes.DUP2);
		method.visitVarInsn(Opcodes.LSTORE, total);
		method.visitVarInsn(Opcodes.LLOAD, context.maxStepsSlot);
		method.visitVarInsn(Opcodes.LLOAD, context.stepsSlot);
		method.visitInsn(Opcodes.LSUB);
		method.visitInsn(Opcodes.LCMP);
		method.visitJumpInsn(Opcodes.IFGT, counted);
		counting = false;
		iterations(loop, counter, upper);
		counting = true;
		method.visitVarInsn(Opcodes.LLOAD, context.stepsSlot);
		method.visitVarInsn(Opcodes.LLOAD, total);
		method.visitInsn(Opcodes.LADD);
		method.visitVarInsn(Opcodes.LSTORE, context.stepsSlot);
		method.visitJumpInsn(Opcodes.GOTO, end);
		method.visitLabel(counted);
		iterations(loop, counter, upper);
		method.visitLabel(end);
	}

	/** The steps of one iteration of a straight-line body (the body block and its statements), or 0. */
	private static int straightLineSteps(IrBlock body) {
		for (IrStatement statement : body.getStatements()) {
			boolean simple = statement instanceof IrStore || statement instanceof IrAssign || statement instanceof IrDeclare;
			if (!simple) {
				return 0;
			}
		}
		var contents = body.eAllContents();
		while (contents.hasNext()) {
			if (contents.next() instanceof IrCall) {
				return 0;
			}
		}
		return 1 + body.getStatements().size();
	}

	private void iterations(IrFor loop, int counter, int upper) throws Unsupported {
		IrVar var = loop.getVar();
		Rep rep = ModuleLayout.scalarRep(var.getType(), var.getName());
		Label test = new Label();
		Label end = new Label();
		method.visitLabel(test);
		method.visitVarInsn(Opcodes.LLOAD, counter);
		method.visitVarInsn(Opcodes.LLOAD, upper);
		method.visitInsn(Opcodes.LCMP);
		method.visitJumpInsn(loop.getStep() > 0 ? Opcodes.IFGE : Opcodes.IFLE, end);
		method.visitVarInsn(Opcodes.LLOAD, counter);
		context.conversions.convert(Rep.INDEX, var.getType());
		Set<IrValue> outer = context.enterScope();
		method.visitVarInsn(rep.storeOpcode(), context.slotOf(var, rep.size()));
		context.assign(var);
		context.setLoopRange(var, range(loop));
		statement(loop.getBody());
		context.setLoopRange(var, null);
		context.leaveScope(outer);
		method.visitVarInsn(Opcodes.LLOAD, counter);
		method.visitLdcInsn(loop.getStep());
		method.visitInsn(Opcodes.LADD);
		method.visitVarInsn(Opcodes.LSTORE, counter);
		method.visitJumpInsn(Opcodes.GOTO, test);
		method.visitLabel(end);
	}

	/**
	 * [min, max] of the loop variable for constant bounds, when the variable holds the counter unchanged
	 * (an index or a wide enough integer, never assigned in the body); null otherwise.
	 */
	private static long[] range(IrFor loop) {
		Long lower = ExpressionEmitter.constantValue(loop.getLower());
		Long upper = ExpressionEmitter.constantValue(loop.getUpper());
		if (lower == null || upper == null || isAssignedIn(loop)) {
			return null;
		}
		long step = loop.getStep();
		long min = step > 0 ? lower : upper + 1;
		long max = step > 0 ? upper - 1 : lower;
		IrType type = loop.getVar().getType();
		boolean holdsCounter = type instanceof IrIndexType
				|| type instanceof IrIntType integer && integer.isSigned() && integer.getBits() <= Long.SIZE
						&& min >= -(1L << (integer.getBits() - 1)) && max < 1L << (integer.getBits() - 1);
		return holdsCounter ? new long[] { min, max } : null;
	}

	private static boolean isAssignedIn(IrFor loop) {
		var contents = loop.getBody().eAllContents();
		while (contents.hasNext()) {
			if (contents.next() instanceof IrAssign assign && assign.getTarget() == loop.getVar()) {
				return true;
			}
		}
		return false;
	}

	private void whileLoop(IrWhile loop) throws Unsupported {
		Label test = new Label();
		Label end = new Label();
		method.visitLabel(test);
		expressions.condition(loop.getCondition());
		method.visitJumpInsn(Opcodes.IFEQ, end);
		statement(loop.getBody());
		method.visitJumpInsn(Opcodes.GOTO, test);
		method.visitLabel(end);
	}

	private void ifThenElse(IrIf branch) throws Unsupported {
		Label otherwise = new Label();
		Label end = new Label();
		expressions.condition(branch.getCondition());
		method.visitJumpInsn(Opcodes.IFEQ, otherwise);
		statement(branch.getThen());
		method.visitJumpInsn(Opcodes.GOTO, end);
		method.visitLabel(otherwise);
		if (branch.getElse() != null) {
			statement(branch.getElse());
		}
		method.visitLabel(end);
	}

	private void returnValues(IrReturn ret) throws Unsupported {
		IrFunction function = context.function;
		List<IrExpr> values = ret.getValues();
		if (values.size() != function.getResults().size()) {
			throw new Unsupported(expressions.where() + "a return of " + values.size() + " value(s) from " + function.getName()
					+ ", which declares " + function.getResults().size());
		}
		if (values.size() > 1) {
			context.conversions.push(values.size());
			method.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
			for (int i = 0; i < values.size(); i++) {
				method.visitInsn(Opcodes.DUP);
				context.conversions.push(i);
				Rep rep = result(values.get(i), function.getResults().get(i));
				if (rep != null) {
					access.box(rep);
				}
				method.visitInsn(Opcodes.AASTORE);
			}
		} else if (values.size() == 1) {
			result(values.get(0), function.getResults().get(0));
		}
		saveSteps();
		method.visitInsn(returnOpcode(function));
	}

	/** Emits one returned value; the rep of a scalar, null for an array. */
	private Rep result(IrExpr value, IrType declared) throws Unsupported {
		if (!ModuleLayout.isScalar(declared)) {
			if (value instanceof IrCall call && sameType(CallEmitter.singleResult(call), declared)) {
				calls.call(call);
				return null;
			}
			if (!(value instanceof IrLoad load) || !ExpressionEmitter.isTensorReference(value)
					|| !sameType(load.getBuffer().getType(), declared)) {
				throw new Unsupported(expressions.where() + "a returned tensor whose type differs from the declared result");
			}
			access.buffer(load.getBuffer());
			return null;
		}
		IrType actual = value instanceof IrCall call ? CallEmitter.singleResult(call) : value.getType();
		if (ExpressionEmitter.isTensorReference(value) || !sameType(actual, declared)) {
			throw new Unsupported(expressions.where() + "a returned value whose type differs from the declared result");
		}
		return expressions.scalar(value);
	}

	private static boolean sameType(IrType a, IrType b) {
		return IrTypes.print(a).equals(IrTypes.print(b));
	}

	static int returnOpcode(IrFunction function) throws Unsupported {
		String descriptor = ModuleLayout.resultDescriptor(function);
		return switch (descriptor.charAt(0)) {
		case 'V' -> Opcodes.RETURN;
		case 'J' -> Opcodes.LRETURN;
		case 'F' -> Opcodes.FRETURN;
		case 'D' -> Opcodes.DRETURN;
		default -> Opcodes.ARETURN;
		};
	}

	void saveSteps() {
		method.visitVarInsn(Opcodes.ALOAD, 0);
		method.visitVarInsn(Opcodes.LLOAD, context.stepsSlot);
		method.visitFieldInsn(Opcodes.PUTFIELD, KERNEL, "steps", "J");
	}

	private void allocate(IrAlloc alloc) throws Unsupported {
		IrBuffer buffer = alloc.getBuffer();
		if (context.layout.isGlobal(buffer)) {
			throw new Unsupported(expressions.where() + "an allocation of global buffer '" + buffer.getName() + "'");
		}
		int slot = context.slotOf(buffer, 1);
		if (buffer.getType() instanceof IrStreamType) {
			String queues = Type.getInternalName(StreamQueues.class);
			method.visitTypeInsn(Opcodes.NEW, queues);
			method.visitInsn(Opcodes.DUP);
			context.conversions.push(elementCount(buffer));
			method.visitMethodInsn(Opcodes.INVOKESPECIAL, queues, "<init>", "(I)V", false);
		} else if (buffer.isStateful()) {
			persistentArray(alloc);
		} else {
			newArray(alloc);
		}
		method.visitVarInsn(Opcodes.ASTORE, slot);
		context.assign(buffer);
	}

	/** A stateful buffer is created (and its init evaluated) by the first allocation only. */
	private void persistentArray(IrAlloc alloc) throws Unsupported {
		IrBuffer buffer = alloc.getBuffer();
		String field = context.layout.fieldName(buffer);
		String descriptor = ModuleLayout.storageDescriptor(buffer.getType());
		Label exists = new Label();
		method.visitVarInsn(Opcodes.ALOAD, 0);
		method.visitFieldInsn(Opcodes.GETFIELD, context.layout.className, field, descriptor);
		method.visitJumpInsn(Opcodes.IFNONNULL, exists);
		method.visitVarInsn(Opcodes.ALOAD, 0);
		newArray(alloc);
		method.visitFieldInsn(Opcodes.PUTFIELD, context.layout.className, field, descriptor);
		method.visitLabel(exists);
		method.visitVarInsn(Opcodes.ALOAD, 0);
		method.visitFieldInsn(Opcodes.GETFIELD, context.layout.className, field, descriptor);
	}

	/** [] → a new array filled with the converted init (zero without one). */
	private void newArray(IrAlloc alloc) throws Unsupported {
		IrBuffer buffer = alloc.getBuffer();
		IrType element = Interpreter.elementType(buffer.getType());
		ArrayKind kind = ArrayKind.of(element);
		Rep rep = Rep.of(element);
		int value = context.newSlot(rep.size());
		if (alloc.getInit() != null) {
			expressions.scalarAs(alloc.getInit(), element);
			method.visitVarInsn(rep.storeOpcode(), value);
		}
		context.conversions.push(elementCount(buffer));
		kind.newArray(method);
		if (alloc.getInit() != null) {
			method.visitInsn(Opcodes.DUP);
			method.visitVarInsn(rep.loadOpcode(), value);
			kind.narrow(method, rep);
			method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Arrays", "fill",
					"(" + kind.descriptor + kind.elementDescriptor() + ")V", false);
		}
	}

	static int elementCount(IrBuffer buffer) throws Unsupported {
		long count = 1;
		for (long extent : Interpreter.shape(buffer.getType())) {
			count *= extent;
			if (extent < 0 || count > Integer.MAX_VALUE - 8) {
				throw new Unsupported("buffer '" + buffer.getName() + "' is too large for a JVM array");
			}
		}
		return (int) count;
	}

	private void assign(IrVar var, IrExpr value) throws Unsupported {
		Rep rep = ModuleLayout.scalarRep(var.getType(), var.getName());
		if (value == null) {
			method.visitInsn(Opcodes.LCONST_0);
			context.conversions.convert(Rep.TRUTH, var.getType());
		} else {
			expressions.scalarAs(value, var.getType());
		}
		method.visitVarInsn(rep.storeOpcode(), context.slotOf(var, rep.size()));
		context.assign(var);
	}

	private void evaluateForEffect(IrExpr expr) throws Unsupported {
		if (expr instanceof IrCall call) {
			calls.call(call);
			String result = ModuleLayout.resultDescriptor(call.getFunction());
			if (!result.equals("V")) {
				method.visitInsn(result.equals("J") || result.equals("D") ? Opcodes.POP2 : Opcodes.POP);
			}
		} else if (expr instanceof IrLoad load && ExpressionEmitter.isTensorReference(expr)) {
			access.buffer(load.getBuffer());
			method.visitInsn(Opcodes.POP);
		} else {
			method.visitInsn(expressions.scalar(expr).popOpcode());
		}
	}
}
