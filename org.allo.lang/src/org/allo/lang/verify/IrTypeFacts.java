package org.allo.lang.verify;

import java.math.BigInteger;

import org.allo.lang.ir.IrFixedType;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrIndexType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;
import org.eclipse.emf.ecore.util.EcoreUtil;

/** What the checker needs to know of an IR type: exactness, width, fractional bits, raw range. */
final class IrTypeFacts {

	private static final int INDEX_BITS = 64;

	private IrTypeFacts() {
	}

	/** Integers, index and fixed point: values the interpreter keeps as exact raw integers. */
	static boolean isExact(IrType type) {
		return type instanceof IrIntType || type instanceof IrIndexType || type instanceof IrFixedType;
	}

	static int fracs(IrType type) {
		return type instanceof IrFixedType fixed ? fixed.getFracs() : 0;
	}

	static int bits(IrType type) {
		if (type instanceof IrIntType integer) {
			return integer.getBits();
		}
		return type instanceof IrFixedType fixed ? fixed.getBits() : INDEX_BITS;
	}

	static boolean signed(IrType type) {
		if (type instanceof IrIntType integer) {
			return integer.isSigned();
		}
		return !(type instanceof IrFixedType fixed) || fixed.isSigned();
	}

	/** The least raw value of an exact type, null for floats. */
	static BigInteger low(IrType type) {
		return isExact(type) ? TermTable.minimum(bits(type), signed(type)) : null;
	}

	static BigInteger high(IrType type) {
		return isExact(type) ? TermTable.maximum(bits(type), signed(type)) : null;
	}

	/** Structural equality; scalar types are compared field by field because this runs per operation. */
	static boolean sameType(IrType a, IrType b) {
		if (a == b) {
			return true;
		}
		if (a instanceof IrIntType x && b instanceof IrIntType y) {
			return x.getBits() == y.getBits() && x.isSigned() == y.isSigned();
		}
		if (a instanceof IrFixedType x && b instanceof IrFixedType y) {
			return x.getBits() == y.getBits() && x.getFracs() == y.getFracs() && x.isSigned() == y.isSigned();
		}
		if (a instanceof IrFloatType x && b instanceof IrFloatType y) {
			return x.getKind() == y.getKind();
		}
		if (a instanceof IrIndexType && b instanceof IrIndexType) {
			return true;
		}
		return a.eClass() == b.eClass() && EcoreUtil.equals(a, b);
	}

	/** Conversion from a float format to a wider one is exact. */
	static boolean widensFloat(IrType from, IrType to) {
		if (!(from instanceof IrFloatType f) || !(to instanceof IrFloatType t)) {
			return false;
		}
		return switch (t.getKind()) {
		case F64 -> true;
		case F32 -> f.getKind() != org.allo.lang.ir.IrFloatKind.F64;
		default -> f.getKind() == t.getKind();
		};
	}

	static long[] shape(IrType type) {
		if (type instanceof IrTensorType tensor) {
			return tensor.getShape().stream().mapToLong(Long::longValue).toArray();
		}
		if (type instanceof IrStreamType stream) {
			return stream.getShape().stream().mapToLong(Long::longValue).toArray();
		}
		return new long[0];
	}

	static IrType element(IrType type) {
		if (type instanceof IrStreamType stream) {
			return stream.getElement();
		}
		return type instanceof IrTensorType tensor ? tensor.getElement() : type;
	}

	static int elementCount(long[] shape) {
		long count = 1;
		for (long extent : shape) {
			count = Math.multiplyExact(count, extent);
		}
		return Math.toIntExact(count);
	}
}
