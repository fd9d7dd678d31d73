package org.allo.lang.fastsim;

import org.allo.lang.ir.IrFloatKind;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.printer.IrTypes;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The primitive array that holds a tensor's elements, flat and row-major: the narrowest JVM integer type
 * that holds every raw value of the element type (int8 in a byte[], UInt(8) in a short[]), float[] for
 * float32, float16 and bfloat16 (both are float32 values exactly), double[] for float64.
 */
enum ArrayKind {
	BYTE("[B", Opcodes.T_BYTE, Opcodes.BALOAD, Opcodes.BASTORE),
	SHORT("[S", Opcodes.T_SHORT, Opcodes.SALOAD, Opcodes.SASTORE),
	INT("[I", Opcodes.T_INT, Opcodes.IALOAD, Opcodes.IASTORE),
	LONG("[J", Opcodes.T_LONG, Opcodes.LALOAD, Opcodes.LASTORE),
	FLOAT("[F", Opcodes.T_FLOAT, Opcodes.FALOAD, Opcodes.FASTORE),
	DOUBLE("[D", Opcodes.T_DOUBLE, Opcodes.DALOAD, Opcodes.DASTORE);

	final String descriptor;
	private final int newArrayType;
	private final int loadOpcode;
	private final int storeOpcode;

	ArrayKind(String descriptor, int newArrayType, int loadOpcode, int storeOpcode) {
		this.descriptor = descriptor;
		this.newArrayType = newArrayType;
		this.loadOpcode = loadOpcode;
		this.storeOpcode = storeOpcode;
	}

	static ArrayKind of(IrType element) throws Unsupported {
		Rep rep = Rep.of(element);
		return switch (rep.kind()) {
		case MODULAR -> throw new Unsupported("elements of type " + IrTypes.print(element) + ": values of that type need more than 64 bits");
		case EXACT -> rep.width() <= Byte.SIZE ? BYTE : rep.width() <= Short.SIZE ? SHORT : rep.width() <= Integer.SIZE ? INT : LONG;
		case FLOAT -> FLOAT;
		case DOUBLE -> ((IrFloatType) element).getKind() == IrFloatKind.F64 ? DOUBLE : FLOAT;
		};
	}

	/** [array, int index] → the element in the representation {@code rep} of its type. */
	void load(MethodVisitor method, Rep rep) {
		method.visitInsn(loadOpcode);
		if (this == BYTE || this == SHORT || this == INT) {
			method.visitInsn(Opcodes.I2L);
		} else if (this == FLOAT && rep.kind() == Rep.Kind.DOUBLE) {
			method.visitInsn(Opcodes.F2D);
		}
	}

	/** Narrows a value of the element type for {@link #store}; exact, as the value is already in range. */
	void narrow(MethodVisitor method, Rep rep) {
		if (this == BYTE || this == SHORT || this == INT) {
			method.visitInsn(Opcodes.L2I);
		}
		if (this == BYTE) {
			method.visitInsn(Opcodes.I2B);
		} else if (this == SHORT) {
			method.visitInsn(Opcodes.I2S);
		} else if (this == FLOAT && rep.kind() == Rep.Kind.DOUBLE) {
			method.visitInsn(Opcodes.D2F);
		}
	}

	/** [array, int index, narrowed value] → stored. */
	void store(MethodVisitor method) {
		method.visitInsn(storeOpcode);
	}

	/** [int length] → a new array. */
	void newArray(MethodVisitor method) {
		method.visitIntInsn(Opcodes.NEWARRAY, newArrayType);
	}

	/** The descriptor of the element as {@link #narrow} leaves it, for java.util.Arrays.fill. */
	String elementDescriptor() {
		return descriptor.substring(1);
	}
}
