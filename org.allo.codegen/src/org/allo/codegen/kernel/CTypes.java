package org.allo.codegen.kernel;

import java.util.List;

import org.allo.codegen.cpp.CType;
import org.allo.lang.ir.IrFixedType;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;

/** The C++ type of an IR type (of its elements, for tensors); indices are {@code int}, as in Allo's output. */
public final class CTypes {

	private CTypes() {
	}

	public static CType of(IrType type) {
		if (type instanceof IrIntType integer) {
			return CType.integer(integer.getBits(), integer.isSigned());
		}
		if (type instanceof IrFixedType fixed) {
			return CType.fixed(fixed.getBits(), fixed.getFracs(), fixed.isSigned());
		}
		if (type instanceof IrFloatType real) {
			return switch (real.getKind()) {
			case F16 -> CType.HALF;
			case BF16 -> CType.BFLOAT16;
			case F32 -> CType.FLOAT;
			case F64 -> CType.DOUBLE;
			};
		}
		if (type instanceof IrTensorType tensor) {
			return of(tensor.getElement());
		}
		if (type instanceof IrStreamType stream) {
			return CType.stream(of(stream.getElement()), stream.getDepth());
		}
		return CType.INT;
	}

	/** The dimensions of a tensor or stream array; empty for scalars and single streams. */
	public static List<Long> shape(IrType type) {
		if (type instanceof IrTensorType tensor) {
			return tensor.getShape();
		}
		if (type instanceof IrStreamType stream) {
			return stream.getShape();
		}
		return List.of();
	}

	public static long elements(IrType type) {
		return shape(type).stream().reduce(1L, (a, b) -> a * b);
	}
}
