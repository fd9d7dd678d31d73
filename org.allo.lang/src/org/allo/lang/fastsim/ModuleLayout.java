package org.allo.lang.fastsim;

import java.util.HashMap;
import java.util.Map;

import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.printer.IrTypes;
import org.objectweb.asm.Type;

/**
 * The shape of the class generated for a module: one instance method per function ({@code f0}, {@code f1},
 * ...) and one field per persistent buffer (module globals and stateful allocations). Parameters are
 * scalars ({@link Rep}), arrays ({@link ArrayKind}) or {@link StreamQueues}; a function returns nothing,
 * its one result, or its results boxed in an Object[].
 */
final class ModuleLayout {

	static final String STREAMS = Type.getDescriptor(StreamQueues.class);
	static final String OBJECTS = "[Ljava/lang/Object;";

	final String className;
	final IrModule module;
	private final Map<IrFunction, String> methods = new HashMap<>();
	private final Map<IrBuffer, String> fields = new HashMap<>();

	ModuleLayout(String className, IrModule module) {
		this.className = className;
		this.module = module;
		for (IrFunction function : module.getFunctions()) {
			methods.put(function, "f" + methods.size());
		}
		for (IrBuffer global : module.getGlobals()) {
			fields.put(global, "g" + fields.size());
		}
		module.eAllContents().forEachRemaining(node -> {
			if (node instanceof IrAlloc alloc && alloc.getBuffer().isStateful() && !fields.containsKey(alloc.getBuffer())) {
				fields.put(alloc.getBuffer(), "s" + fields.size());
			}
		});
	}

	String methodName(IrFunction function) throws Unsupported {
		String name = methods.get(function);
		if (name == null) {
			throw new Unsupported("a call to '" + function.getName() + "', which is not in the module");
		}
		return name;
	}

	/** The field of a global or stateful buffer, or null for a buffer local to a call. */
	String fieldName(IrBuffer buffer) {
		return fields.get(buffer);
	}

	Map<IrBuffer, String> fields() {
		return fields;
	}

	boolean isGlobal(IrBuffer buffer) {
		return module.getGlobals().contains(buffer);
	}

	String descriptor(IrFunction function) throws Unsupported {
		StringBuilder descriptor = new StringBuilder("(");
		for (IrValue param : function.getParams()) {
			descriptor.append(valueDescriptor(param));
		}
		return descriptor.append(')').append(resultDescriptor(function)).toString();
	}

	static String resultDescriptor(IrFunction function) throws Unsupported {
		return switch (function.getResults().size()) {
		case 0 -> "V";
		case 1 -> typeDescriptor(function.getResults().get(0));
		default -> OBJECTS;
		};
	}

	static String valueDescriptor(IrValue value) throws Unsupported {
		if (value instanceof IrVar var) {
			return scalarRep(var.getType(), var.getName()).descriptor();
		}
		return storageDescriptor(value.getType());
	}

	/** The descriptor of a buffer of this type: its array, or StreamQueues for a stream. */
	static String storageDescriptor(IrType type) throws Unsupported {
		return type instanceof IrStreamType ? STREAMS : ArrayKind.of(Interpreter.elementType(type)).descriptor;
	}

	/** A result type: a tensor is returned as its array, a scalar as its value. */
	static String typeDescriptor(IrType type) throws Unsupported {
		return isScalar(type) ? scalarRep(type, "a result").descriptor() : storageDescriptor(type);
	}

	static boolean isScalar(IrType type) {
		return Interpreter.elementType(type) == type;
	}

	/** The rep of a variable, parameter or result, which must hold its values exactly. */
	static Rep scalarRep(IrType type, String what) throws Unsupported {
		Rep rep = Rep.of(type);
		if (rep.kind() == Rep.Kind.MODULAR) {
			throw new Unsupported("'" + what + "' of type " + IrTypes.print(type) + ": values of that type need more than 64 bits");
		}
		return rep;
	}
}
