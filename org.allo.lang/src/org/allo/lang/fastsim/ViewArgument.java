package org.allo.lang.fastsim;

import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.ir.IrLoad;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A view {@code G[r]} passed to a function: the callee gets a new array, filled from G's array after all
 * arguments are evaluated and copied back when the call returns or fails. That is the interpreter's
 * passing by reference as long as nothing else reaches G's storage during the call, which
 * {@link ViewAliasing} makes sure of at compile time. The locals hold G's array, the view's start and the copy.
 */
record ViewArgument(int whole, int start, int copy, int count) {

	/** Emits the view's position and the new array, which stays on the stack as the argument. */
	static ViewArgument emit(MethodContext context, TensorEmitter tensors, IrLoad view, ViewAliasing aliasing) throws Unsupported {
		aliasing.requireNone();
		MethodVisitor method = context.method;
		ViewArgument argument = new ViewArgument(context.newSlot(1), context.newSlot(1), context.newSlot(1),
				TensorEmitter.count(view.getType()));
		tensors.view(view);
		method.visitVarInsn(Opcodes.ISTORE, argument.start);
		method.visitVarInsn(Opcodes.ASTORE, argument.whole);
		context.conversions.push(argument.count);
		ArrayKind.of(Interpreter.elementType(view.getType())).newArray(method);
		method.visitInsn(Opcodes.DUP);
		method.visitVarInsn(Opcodes.ASTORE, argument.copy);
		return argument;
	}

	void copyIn(MethodContext context) {
		arraycopy(context, whole, start, copy, -1);
	}

	void copyOut(MethodContext context) {
		arraycopy(context, copy, -1, whole, start);
	}

	/** System.arraycopy of count elements; a position slot of -1 stands for position 0. */
	private void arraycopy(MethodContext context, int from, int fromStart, int to, int toStart) {
		MethodVisitor method = context.method;
		method.visitVarInsn(Opcodes.ALOAD, from);
		position(method, fromStart);
		method.visitVarInsn(Opcodes.ALOAD, to);
		position(method, toStart);
		context.conversions.push(count);
		method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "arraycopy", "(Ljava/lang/Object;ILjava/lang/Object;II)V", false);
	}

	private static void position(MethodVisitor method, int slot) {
		if (slot < 0) {
			method.visitInsn(Opcodes.ICONST_0);
		} else {
			method.visitVarInsn(Opcodes.ILOAD, slot);
		}
	}
}
