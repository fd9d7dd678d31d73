package org.allo.lang.fastsim;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrReturn;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.IrVar;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Compiles an IR module to one JVM class (see {@link ModuleLayout}): a subclass of {@link CompiledKernel}
 * whose constructor creates the module's globals (zero, like the interpreter's) and whose methods are the
 * module's functions. Throws {@link Unsupported} for anything it cannot compile exactly.
 */
final class ModuleCompiler {

	private static final String KERNEL = Type.getInternalName(CompiledKernel.class);
	private static final AtomicInteger CLASSES = new AtomicInteger();

	private final ModuleLayout layout;

	ModuleCompiler(IrModule module) {
		this.layout = new ModuleLayout("org/allo/lang/fastsim/generated/Kernel" + CLASSES.incrementAndGet(), module);
	}

	ModuleLayout layout() {
		return layout;
	}

	byte[] compile() throws Unsupported {
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
			@Override
			protected String getCommonSuperClass(String first, String second) {
				return "java/lang/Object";
			}
		};
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, layout.className, null, KERNEL, null);
		for (Map.Entry<IrBuffer, String> field : layout.fields().entrySet()) {
			writer.visitField(Opcodes.ACC_PUBLIC, field.getValue(), ModuleLayout.storageDescriptor(field.getKey().getType()), null, null)
					.visitEnd();
		}
		constructor(writer);
		for (IrFunction function : layout.module.getFunctions()) {
			function(writer, function);
		}
		writer.visitEnd();
		try {
			return writer.toByteArray();
		} catch (MethodTooLargeException | ClassTooLargeException e) {
			throw new Unsupported("the module is too large for one JVM class (" + e.getMessage() + ")");
		}
	}

	private void constructor(ClassWriter writer) throws Unsupported {
		MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
		method.visitCode();
		method.visitVarInsn(Opcodes.ALOAD, 0);
		method.visitMethodInsn(Opcodes.INVOKESPECIAL, KERNEL, "<init>", "()V", false);
		for (IrBuffer global : layout.module.getGlobals()) {
			ArrayKind kind = ArrayKind.of(Interpreter.elementType(global.getType()));
			method.visitVarInsn(Opcodes.ALOAD, 0);
			method.visitLdcInsn(count(global));
			kind.newArray(method);
			method.visitFieldInsn(Opcodes.PUTFIELD, layout.className, layout.fieldName(global), kind.descriptor);
		}
		method.visitInsn(Opcodes.RETURN);
		method.visitMaxs(0, 0);
		method.visitEnd();
	}

	private static int count(IrBuffer buffer) throws Unsupported {
		if (buffer.getType() instanceof IrStreamType) {
			throw new Unsupported("global stream '" + buffer.getName() + "'");
		}
		return StatementEmitter.elementCount(buffer);
	}

	private void function(ClassWriter writer, IrFunction function) throws Unsupported {
		MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, layout.methodName(function), layout.descriptor(function), null,
				null);
		method.visitCode();
		int slot = 1;
		int[] paramSlots = new int[function.getParams().size()];
		for (int i = 0; i < paramSlots.length; i++) {
			IrValue param = function.getParams().get(i);
			paramSlots[i] = slot;
			slot += param instanceof IrVar var ? ModuleLayout.scalarRep(var.getType(), var.getName()).size() : 1;
		}
		MethodContext context = new MethodContext(method, layout, function, slot);
		for (int i = 0; i < paramSlots.length; i++) {
			context.bindParameter(function.getParams().get(i), paramSlots[i]);
		}
		method.visitVarInsn(Opcodes.ALOAD, 0);
		method.visitFieldInsn(Opcodes.GETFIELD, KERNEL, "steps", "J");
		method.visitVarInsn(Opcodes.LSTORE, context.stepsSlot);
		method.visitVarInsn(Opcodes.ALOAD, 0);
		method.visitFieldInsn(Opcodes.GETFIELD, KERNEL, "maxSteps", "J");
		method.visitVarInsn(Opcodes.LSTORE, context.maxStepsSlot);
		StatementEmitter statements = new StatementEmitter(context);
		statements.statement(function.getBody());
		if (!endsWithReturn(function)) {
			if (!function.getResults().isEmpty()) {
				throw new Unsupported(function.getName() + " can end without returning its results");
			}
			statements.saveSteps();
			method.visitInsn(Opcodes.RETURN);
		}
		method.visitMaxs(0, 0);
		method.visitEnd();
	}

	private static boolean endsWithReturn(IrFunction function) {
		var statements = function.getBody().getStatements();
		IrStatement last = statements.isEmpty() ? null : statements.get(statements.size() - 1);
		return last instanceof IrReturn;
	}
}
