package org.allo.lang.fastsim;

import java.util.ArrayList;
import java.util.List;

import org.allo.lang.interpreter.Faults;
import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.printer.IrTypes;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Emits calls between the module's functions as calls between the generated methods: arguments evaluated
 * left to right (scalars converted to the parameter's type, tensors and streams by reference), the call
 * depth checked as the interpreter does, views passed as copies ({@link ViewArgument}), the step counter handed over through the {@code steps} field,
 * and errors without a line given the line of the calling statement.
 */
final class CallEmitter {

	private static final String KERNEL = Type.getInternalName(CompiledKernel.class);
	private static final String ERROR = "org/allo/lang/interpreter/SimulationError";

	private final MethodContext context;
	private final MethodVisitor method;
	private final ExpressionEmitter expressions;
	private final AccessEmitter access;
	private TensorEmitter tensors;

	CallEmitter(MethodContext context, ExpressionEmitter expressions, AccessEmitter access) {
		this.context = context;
		this.method = context.method;
		this.expressions = expressions;
		this.access = access;
	}

	void setTensors(TensorEmitter tensors) {
		this.tensors = tensors;
	}

	/** The type of the one result of a call used as a value. */
	static IrType singleResult(IrCall call) throws Unsupported {
		IrFunction callee = call.getFunction();
		if (callee == null || callee.getResults().size() != 1) {
			throw new Unsupported("a call used as a value whose function does not return exactly one value");
		}
		return callee.getResults().get(0);
	}

	Rep callForValue(IrCall call) throws Unsupported {
		IrType result = singleResult(call);
		if (!ModuleLayout.isScalar(result)) {
			throw new Unsupported(expressions.where() + "a tensor result used as a scalar");
		}
		call(call);
		return ModuleLayout.scalarRep(result, call.getFunction().getName());
	}

	/** Emits the call; the results stay on the stack as the callee's method returns them. */
	void call(IrCall call) throws Unsupported {
		IrFunction callee = call.getFunction();
		String name = context.layout.methodName(callee);
		if (call.getArgs().size() != callee.getParams().size()) {
			throw new Unsupported(expressions.where() + callee.getName() + " called with " + call.getArgs().size() + " argument(s)");
		}
		method.visitVarInsn(Opcodes.ALOAD, 0);
		List<ViewArgument> views = new ArrayList<>();
		for (int i = 0; i < call.getArgs().size(); i++) {
			argument(call, i, views);
		}
		for (ViewArgument view : views) {
			view.copyIn(context);
		}
		enter();
		method.visitVarInsn(Opcodes.ALOAD, 0);
		method.visitVarInsn(Opcodes.LLOAD, context.stepsSlot);
		method.visitFieldInsn(Opcodes.PUTFIELD, KERNEL, "steps", "J");
		Label start = new Label();
		Label end = new Label();
		Label handler = new Label();
		Label after = new Label();
		method.visitTryCatchBlock(start, end, handler, ERROR);
		method.visitLabel(start);
		method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, context.layout.className, name, context.layout.descriptor(callee), false);
		method.visitLabel(end);
		copyOut(views);
		method.visitJumpInsn(Opcodes.GOTO, after);
		method.visitLabel(handler);
		copyOut(views);
		context.conversions.push(context.line);
		method.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(Faults.class), "atLine",
				"(L" + ERROR + ";I)L" + ERROR + ";", false);
		method.visitInsn(Opcodes.ATHROW);
		method.visitLabel(after);
		method.visitVarInsn(Opcodes.ALOAD, 0);
		method.visitFieldInsn(Opcodes.GETFIELD, KERNEL, "steps", "J");
		method.visitVarInsn(Opcodes.LSTORE, context.stepsSlot);
		addToDepth(-1);
	}

	/** ++depth, refused beyond the interpreter's limit with the calling statement's line. */
	private void enter() {
		addToDepth(1);
		method.visitVarInsn(Opcodes.ALOAD, 0);
		method.visitFieldInsn(Opcodes.GETFIELD, KERNEL, "depth", "I");
		context.conversions.push(Faults.MAX_CALL_DEPTH);
		Label fine = new Label();
		method.visitJumpInsn(Opcodes.IF_ICMPLE, fine);
		context.conversions.push(context.line);
		method.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(Faults.class), "callsTooDeep", "(I)L" + ERROR + ";", false);
		method.visitInsn(Opcodes.ATHROW);
		method.visitLabel(fine);
	}

	private void addToDepth(int delta) {
		method.visitVarInsn(Opcodes.ALOAD, 0);
		method.visitInsn(Opcodes.DUP);
		method.visitFieldInsn(Opcodes.GETFIELD, KERNEL, "depth", "I");
		context.conversions.push(delta);
		method.visitInsn(Opcodes.IADD);
		method.visitFieldInsn(Opcodes.PUTFIELD, KERNEL, "depth", "I");
	}

	private void copyOut(List<ViewArgument> views) {
		for (ViewArgument view : views) {
			view.copyOut(context);
		}
	}

	/** Binds like Interpreter.bindParameter; a binding it would refuse is refused here at compile time. */
	private void argument(IrCall call, int position, List<ViewArgument> views) throws Unsupported {
		IrExpr argument = call.getArgs().get(position);
		IrValue param = call.getFunction().getParams().get(position);
		if (param instanceof IrBuffer && TensorEmitter.isView(argument) && matches(argument.getType(), param.getType())) {
			views.add(ViewArgument.emit(context, tensors, (IrLoad) argument, new ViewAliasing(context.layout, call, (IrLoad) argument, expressions.where())));
			return;
		}
		if (param instanceof IrBuffer && argument instanceof IrCall inner && !ModuleLayout.isScalar(singleResult(inner))
				&& matches(singleResult(inner), param.getType())) {
			call(inner);
			return;
		}
		if (param instanceof IrVar var && !ExpressionEmitter.isTensorReference(argument)) {
			ModuleLayout.scalarRep(var.getType(), var.getName());
			expressions.scalarAs(argument, var.getType());
			return;
		}
		if (param instanceof IrBuffer && argument instanceof IrLoad load && ExpressionEmitter.isTensorReference(argument)
				&& matches(load.getBuffer().getType(), param.getType())) {
			access.buffer(load.getBuffer());
			return;
		}
		throw new Unsupported(expressions.where() + "the argument for parameter '" + param.getName() + "' of a call does not match its type exactly");
	}

	private static boolean matches(IrType argument, IrType param) {
		boolean bothStreams = argument instanceof IrStreamType == param instanceof IrStreamType;
		return bothStreams && ExpressionEmitter.sameShape(argument, param)
				&& IrTypes.print(Interpreter.elementType(argument)).equals(IrTypes.print(Interpreter.elementType(param)));
	}
}
