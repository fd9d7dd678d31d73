package org.allo.lang.fastsim;

import java.util.List;
import java.util.function.IntConsumer;

import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrStreamGet;
import org.allo.lang.ir.IrStreamPut;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrVarRef;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Emits buffer accesses: the buffer's array (a local, or a field for globals and stateful buffers), the
 * indices evaluated left to right, checked against the shape with the interpreter's out-of-bounds error,
 * and the flat row-major offset. Indices that are counted loop variables whose whole range lies inside
 * the dimension need no check.
 */
final class AccessEmitter {

	private static final String STREAMS = Type.getInternalName(StreamQueues.class);

	private final MethodContext context;
	private final MethodVisitor method;
	private ExpressionEmitter expressions;

	AccessEmitter(MethodContext context) {
		this.context = context;
		this.method = context.method;
	}

	void setExpressions(ExpressionEmitter expressions) {
		this.expressions = expressions;
	}

	/** Pushes the array (or StreamQueues) of a buffer. */
	void buffer(IrBuffer buffer) throws Unsupported {
		String field = context.layout.fieldName(buffer);
		if (context.isAssigned(buffer)) {
			method.visitVarInsn(Opcodes.ALOAD, context.slotOf(buffer, 1));
		} else if (field != null && context.layout.isGlobal(buffer)) {
			method.visitVarInsn(Opcodes.ALOAD, 0);
			method.visitFieldInsn(Opcodes.GETFIELD, context.layout.className, field, ModuleLayout.storageDescriptor(buffer.getType()));
		} else {
			throw new Unsupported(expressions.where() + "buffer '" + buffer.getName() + "' may be used before it is allocated");
		}
	}

	Rep load(IrLoad load) throws Unsupported {
		IrBuffer buffer = load.getBuffer();
		if (buffer.getType() instanceof IrStreamType) {
			throw new Unsupported(expressions.where() + "stream '" + buffer.getName() + "' read as a value");
		}
		IrType element = Interpreter.elementType(buffer.getType());
		ArrayKind kind = ArrayKind.of(element);
		Rep rep = Rep.of(element);
		buffer(buffer);
		offset(buffer, load.getIndices(), "outOfBounds");
		kind.load(method, rep);
		return rep;
	}

	void store(IrStore store) throws Unsupported {
		IrBuffer buffer = store.getBuffer();
		if (buffer.getType() instanceof IrStreamType) {
			throw new Unsupported(expressions.where() + "a store into stream '" + buffer.getName() + "'");
		}
		IrType element = Interpreter.elementType(buffer.getType());
		ArrayKind kind = ArrayKind.of(element);
		buffer(buffer);
		offset(buffer, store.getIndices(), "outOfBounds");
		expressions.scalarAs(store.getValue(), element);
		kind.narrow(method, Rep.of(element));
		kind.store(method);
	}

	void streamPut(IrStreamPut put) throws Unsupported {
		IrType element = Interpreter.elementType(put.getStream().getType());
		streamOffset(put.getStream(), put.getIndices());
		box(expressionValue(put.getValue(), element));
		method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, STREAMS, "put", "(ILjava/lang/Object;)V", false);
	}

	Rep streamGet(IrStreamGet get) throws Unsupported {
		Rep rep = ModuleLayout.scalarRep(Interpreter.elementType(get.getStream().getType()), get.getStream().getName());
		streamOffset(get.getStream(), get.getIndices());
		method.visitLdcInsn(get.getStream().getName());
		context.conversions.push(context.line);
		method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, STREAMS, "get", "(ILjava/lang/String;I)Ljava/lang/Object;", false);
		unbox(rep);
		return rep;
	}

	private void streamOffset(IrBuffer stream, List<IrExpr> indices) throws Unsupported {
		if (!(stream.getType() instanceof IrStreamType)) {
			throw new Unsupported(expressions.where() + "'" + stream.getName() + "' used as a stream");
		}
		buffer(stream);
		offset(stream, indices, "streamOutOfBounds");
	}

	private Rep expressionValue(IrExpr value, IrType type) throws Unsupported {
		expressions.scalarAs(value, type);
		return Rep.of(type);
	}

	/** [Long/Float/Double] ← value. */
	void box(Rep rep) {
		switch (rep.kind()) {
		case EXACT, MODULAR -> method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Long", "valueOf", "(J)Ljava/lang/Long;", false);
		case FLOAT -> method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Float", "valueOf", "(F)Ljava/lang/Float;", false);
		case DOUBLE -> method.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "valueOf", "(D)Ljava/lang/Double;", false);
		}
	}

	private void unbox(Rep rep) {
		switch (rep.kind()) {
		case EXACT, MODULAR -> {
			method.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/Long");
			method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Long", "longValue", "()J", false);
		}
		case FLOAT -> {
			method.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/Float");
			method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Float", "floatValue", "()F", false);
		}
		case DOUBLE -> {
			method.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/Double");
			method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Double", "doubleValue", "()D", false);
		}
		}
	}

	/** Evaluates the indices and pushes the int offset; out of bounds, throws via FastOps.{@code fault}. */
	private void offset(IrBuffer buffer, List<IrExpr> indices, String fault) throws Unsupported {
		long[] shape = Interpreter.shape(buffer.getType());
		int[] slots = new int[indices.size()];
		boolean[] checked = new boolean[indices.size()];
		for (int d = 0; d < slots.length; d++) {
			expressions.integer(indices.get(d));
			slots[d] = context.newSlot(2);
			method.visitVarInsn(Opcodes.LSTORE, slots[d]);
			checked[d] = d >= shape.length || !provablyInside(indices.get(d), shape[d]);
		}
		Label outside = new Label();
		Label inside = new Label();
		boolean anyCheck = slots.length != shape.length;
		if (slots.length != shape.length) {
			method.visitJumpInsn(Opcodes.GOTO, outside);
		} else {
			for (int d = 0; d < slots.length; d++) {
				if (checked[d]) {
					anyCheck = true;
					checkIndex(slots[d], shape[d], outside);
				}
			}
		}
		if (anyCheck) {
			method.visitJumpInsn(Opcodes.GOTO, inside);
			method.visitLabel(outside);
			throwOutOfBounds(buffer.getName(), shape, slots, fault);
			method.visitLabel(inside);
		}
		if (slots.length != shape.length) {
			method.visitInsn(Opcodes.ICONST_0);
			return;
		}
		flatOffset(shape, slots);
	}

	private void checkIndex(int slot, long extent, Label outside) {
		method.visitVarInsn(Opcodes.LLOAD, slot);
		method.visitInsn(Opcodes.LCONST_0);
		method.visitInsn(Opcodes.LCMP);
		method.visitJumpInsn(Opcodes.IFLT, outside);
		method.visitVarInsn(Opcodes.LLOAD, slot);
		method.visitLdcInsn(extent);
		method.visitInsn(Opcodes.LCMP);
		method.visitJumpInsn(Opcodes.IFGE, outside);
	}

	private void flatOffset(long[] shape, int[] slots) {
		if (slots.length == 0) {
			method.visitInsn(Opcodes.ICONST_0);
			return;
		}
		for (int d = 0; d < slots.length; d++) {
			if (d > 0) {
				method.visitLdcInsn((int) shape[d]);
				method.visitInsn(Opcodes.IMUL);
			}
			method.visitVarInsn(Opcodes.LLOAD, slots[d]);
			method.visitInsn(Opcodes.L2I);
			if (d > 0) {
				method.visitInsn(Opcodes.IADD);
			}
		}
	}

	private void throwOutOfBounds(String name, long[] shape, int[] slots, String fault) {
		context.conversions.push(context.line);
		method.visitLdcInsn(name);
		longArray(shape.length, d -> method.visitLdcInsn(shape[d]));
		longArray(slots.length, d -> method.visitVarInsn(Opcodes.LLOAD, slots[d]));
		method.visitMethodInsn(Opcodes.INVOKESTATIC, Conversions.OPS, fault,
				"(ILjava/lang/String;[J[J)Lorg/allo/lang/interpreter/SimulationError;", false);
		method.visitInsn(Opcodes.ATHROW);
	}

	private void longArray(int length, IntConsumer element) {
		context.conversions.push(length);
		method.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_LONG);
		for (int i = 0; i < length; i++) {
			method.visitInsn(Opcodes.DUP);
			context.conversions.push(i);
			element.accept(i);
			method.visitInsn(Opcodes.LASTORE);
		}
	}

	/** A loop variable whose loop keeps it within [0, extent). */
	private boolean provablyInside(IrExpr index, long extent) {
		if (index instanceof IrVarRef ref) {
			long[] range = context.loopRange(ref.getVar());
			return range != null && range[0] >= 0 && range[1] < extent;
		}
		return false;
	}
}
