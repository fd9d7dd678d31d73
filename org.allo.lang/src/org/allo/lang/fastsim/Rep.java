package org.allo.lang.fastsim;

import org.allo.lang.ir.IrFixedType;
import org.allo.lang.ir.IrFloatKind;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrIndexType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.printer.IrTypes;
import org.objectweb.asm.Opcodes;

/**
 * How fast mode holds one scalar value on the JVM stack or in a local. Integers, index values and
 * fixed-point numbers are a long holding the raw value (value = raw · 2^-fracs): {@link Kind#EXACT} when
 * the value is known to fit a signed long ({@code width} signed bits suffice), {@link Kind#MODULAR} when
 * the long holds only the low 64 bits (types wider than a signed long, intermediate results that may
 * overflow). A modular value only feeds operations that commute with reduction modulo 2^64 (add, sub,
 * mul, bitwise, left shifts, wrapping to 64 bits or fewer). float32 is a JVM float; float64, float16 and
 * bfloat16 are doubles already rounded to their format. {@code nonNegative} lets conversions to unsigned
 * types skip the wrap.
 */
record Rep(Kind kind, int fracs, int width, boolean nonNegative) {

	enum Kind {
		EXACT, MODULAR, FLOAT, DOUBLE
	}

	static final Rep FLOAT = new Rep(Kind.FLOAT, 0, 0, false);
	static final Rep DOUBLE = new Rep(Kind.DOUBLE, 0, 0, false);
	static final Rep INDEX = integer(64, 0, false);
	/** A condition's 0 or 1 before it is converted to the node's type. */
	static final Rep TRUTH = integer(2, 0, true);

	/** An integer or fixed-point raw value that needs {@code width} signed bits; modular beyond 64. */
	static Rep integer(int width, int fracs, boolean nonNegative) {
		return new Rep(width <= Long.SIZE ? Kind.EXACT : Kind.MODULAR, fracs, width, nonNegative);
	}

	static Rep of(IrType type) throws Unsupported {
		if (type instanceof IrIntType integer) {
			return integer(signedWidth(integer.getBits(), integer.isSigned()), 0, !integer.isSigned());
		}
		if (type instanceof IrFixedType fixed) {
			return integer(signedWidth(fixed.getBits(), fixed.isSigned()), fixed.getFracs(), !fixed.isSigned());
		}
		if (type instanceof IrIndexType) {
			return INDEX;
		}
		if (type instanceof IrFloatType real) {
			return real.getKind() == IrFloatKind.F32 ? FLOAT : DOUBLE;
		}
		throw new Unsupported("values of type " + IrTypes.print(type) + " are not scalars");
	}

	private static int signedWidth(int bits, boolean signed) {
		return signed ? bits : bits + 1;
	}

	boolean isInteger() {
		return kind == Kind.EXACT || kind == Kind.MODULAR;
	}

	boolean isExact() {
		return kind == Kind.EXACT;
	}

	String descriptor() {
		return switch (kind) {
		case EXACT, MODULAR -> "J";
		case FLOAT -> "F";
		case DOUBLE -> "D";
		};
	}

	/** JVM local slots taken by the value. */
	int size() {
		return kind == Kind.FLOAT ? 1 : 2;
	}

	int loadOpcode() {
		return switch (kind) {
		case EXACT, MODULAR -> Opcodes.LLOAD;
		case FLOAT -> Opcodes.FLOAD;
		case DOUBLE -> Opcodes.DLOAD;
		};
	}

	int storeOpcode() {
		return switch (kind) {
		case EXACT, MODULAR -> Opcodes.LSTORE;
		case FLOAT -> Opcodes.FSTORE;
		case DOUBLE -> Opcodes.DSTORE;
		};
	}

	/** Pops the value ({@code POP} or {@code POP2}). */
	int popOpcode() {
		return size() == 1 ? Opcodes.POP : Opcodes.POP2;
	}
}
