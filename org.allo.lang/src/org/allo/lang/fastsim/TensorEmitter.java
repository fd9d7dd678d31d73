package org.allo.lang.fastsim;

import java.util.Arrays;
import java.util.List;

import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.printer.IrTypes;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Emits tensor values that are not a buffer's own array: copies into a new allocation (Interpreter.copy:
 * every element converted to the new buffer's element type) from a buffer, a call's result or a view
 * {@code G[r]}, and the position of a view in its tensor's array, checked as Tensor.subTensor checks it.
 */
final class TensorEmitter {

	private final MethodContext context;
	private final MethodVisitor method;
	private final ExpressionEmitter expressions;
	private final AccessEmitter access;
	private final CallEmitter calls;

	TensorEmitter(MethodContext context, ExpressionEmitter expressions, AccessEmitter access, CallEmitter calls) {
		this.context = context;
		this.method = context.method;
		this.expressions = expressions;
		this.access = access;
		this.calls = calls;
	}

	/** A load with fewer indices than its buffer's rank: the interpreter's view of the sub-tensor. */
	static boolean isView(IrExpr expr) {
		return expr instanceof IrLoad load && !load.getIndices().isEmpty() && load.getType() instanceof IrTensorType
				&& load.getIndices().size() < Interpreter.shape(load.getBuffer().getType()).length;
	}

	/** The allocation's initial value is a tensor: the interpreter copies it. */
	static boolean isCopy(IrAlloc alloc) {
		return alloc.getInit() != null && alloc.getInit().getType() instanceof IrTensorType;
	}

	/** [] → a new array for the allocation holding the converted elements of its tensor initial value. */
	void copy(IrAlloc alloc) throws Unsupported {
		IrBuffer buffer = alloc.getBuffer();
		IrExpr init = alloc.getInit();
		IrType source = sourceType(init);
		if (!Arrays.equals(Interpreter.shape(source), Interpreter.shape(buffer.getType()))) {
			throw new Unsupported(expressions.where() + "the initial value of '" + buffer.getName() + "' does not have its shape");
		}
		int count = count(buffer.getType());
		int from = context.newSlot(1);
		int start = context.newSlot(1);
		if (isView(init)) {
			view((IrLoad) init);
		} else {
			if (init instanceof IrCall call) {
				calls.call(call);
			} else {
				access.buffer(((IrLoad) init).getBuffer());
			}
			method.visitInsn(Opcodes.ICONST_0);
		}
		method.visitVarInsn(Opcodes.ISTORE, start);
		method.visitVarInsn(Opcodes.ASTORE, from);
		convertElements(Interpreter.elementType(source), Interpreter.elementType(buffer.getType()), from, start, count);
	}

	/** The type of a tensor initial value: a buffer's, a call's declared result, or the view's. */
	private IrType sourceType(IrExpr init) throws Unsupported {
		if (init instanceof IrCall call) {
			return CallEmitter.singleResult(call);
		}
		if (init instanceof IrLoad load && (load.getIndices().isEmpty() || isView(load))) {
			return load.getType();
		}
		throw new Unsupported(expressions.where() + "a tensor initial value that is " + init.eClass().getName());
	}

	/** [] → a new array with element i the converted element start + i of the array in local from. */
	private void convertElements(IrType fromElement, IrType toElement, int from, int start, int count) throws Unsupported {
		ArrayKind fromKind = ArrayKind.of(fromElement);
		ArrayKind toKind = ArrayKind.of(toElement);
		Rep fromRep = Rep.of(fromElement);
		int to = context.newSlot(1);
		int index = context.newSlot(1);
		context.conversions.push(count);
		toKind.newArray(method);
		method.visitVarInsn(Opcodes.ASTORE, to);
		method.visitInsn(Opcodes.ICONST_0);
		method.visitVarInsn(Opcodes.ISTORE, index);
		Label test = new Label();
		Label end = new Label();
		method.visitLabel(test);
		method.visitVarInsn(Opcodes.ILOAD, index);
		context.conversions.push(count);
		method.visitJumpInsn(Opcodes.IF_ICMPGE, end);
		method.visitVarInsn(Opcodes.ALOAD, to);
		method.visitVarInsn(Opcodes.ILOAD, index);
		method.visitVarInsn(Opcodes.ALOAD, from);
		method.visitVarInsn(Opcodes.ILOAD, start);
		method.visitVarInsn(Opcodes.ILOAD, index);
		method.visitInsn(Opcodes.IADD);
		fromKind.load(method, fromRep);
		context.conversions.convert(fromRep, toElement);
		toKind.narrow(method, Rep.of(toElement));
		toKind.store(method);
		method.visitIincInsn(index, 1);
		method.visitJumpInsn(Opcodes.GOTO, test);
		method.visitLabel(end);
		method.visitVarInsn(Opcodes.ALOAD, to);
	}

	/**
	 * [] → [array, int start]: the tensor's array and the flat position of the view's first element. An index
	 * out of range is the interpreter's error for views (not the one for element accesses).
	 */
	void view(IrLoad load) throws Unsupported {
		IrBuffer buffer = load.getBuffer();
		long[] shape = Interpreter.shape(buffer.getType());
		List<IrExpr> indices = load.getIndices();
		long[] rest = Arrays.copyOfRange(shape, indices.size(), shape.length);
		if (!Arrays.equals(rest, Interpreter.shape(load.getType()))) {
			throw new Unsupported(expressions.where() + "a view of '" + buffer.getName() + "' whose type is not the rest of its shape");
		}
		if (count(load.getType()) == 0) {
			throw new Unsupported(expressions.where() + "a view of '" + buffer.getName() + "' without elements");
		}
		access.buffer(buffer);
		int[] slots = new int[indices.size()];
		for (int d = 0; d < slots.length; d++) {
			expressions.integer(indices.get(d));
			slots[d] = context.newSlot(2);
			method.visitVarInsn(Opcodes.LSTORE, slots[d]);
		}
		Label outside = new Label();
		Label inside = new Label();
		for (int d = 0; d < slots.length; d++) {
			access.checkIndex(slots[d], shape[d], outside);
		}
		method.visitJumpInsn(Opcodes.GOTO, inside);
		method.visitLabel(outside);
		access.throwFault(buffer.getName(), shape, slots, "viewOutOfBounds");
		method.visitLabel(inside);
		method.visitInsn(Opcodes.ICONST_0);
		long stride = count(load.getType());
		for (int d = slots.length - 1; d >= 0; d--) {
			method.visitVarInsn(Opcodes.LLOAD, slots[d]);
			method.visitInsn(Opcodes.L2I);
			context.conversions.push((int) stride);
			method.visitInsn(Opcodes.IMUL);
			method.visitInsn(Opcodes.IADD);
			stride *= shape[d];
		}
	}

	/** The element count of a tensor type, which fits an int for every buffer fast mode compiles. */
	static int count(IrType type) throws Unsupported {
		long count = 1;
		for (long extent : Interpreter.shape(type)) {
			count *= extent;
			if (extent < 0 || count > Integer.MAX_VALUE - 8) {
				throw new Unsupported("a tensor of type " + IrTypes.print(type) + " is too large for a JVM array");
			}
		}
		return (int) count;
	}
}
