package org.allo.lang.ir.printer;

import java.util.stream.Collectors;

import org.allo.lang.ir.IrFixedType;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrIndexType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;

/** IR types written as Allo writes them: {@code int32}, {@code UInt(17)}, {@code Fixed(8, 3)[4, 4]}. */
public final class IrTypes {

	private IrTypes() {
	}

	public static String print(IrType type) {
		if (type instanceof IrIntType integer) {
			return integer(integer.getBits(), integer.isSigned());
		} else if (type instanceof IrFixedType fixed) {
			return (fixed.isSigned() ? "Fixed(" : "UFixed(") + fixed.getBits() + ", " + fixed.getFracs() + ")";
		} else if (type instanceof IrFloatType real) {
			return switch (real.getKind()) {
			case F16 -> "float16";
			case BF16 -> "bfloat16";
			case F32 -> "float32";
			case F64 -> "float64";
			};
		} else if (type instanceof IrIndexType) {
			return "index";
		} else if (type instanceof IrTensorType tensor) {
			return print(tensor.getElement()) + shape(tensor.getShape());
		} else if (type instanceof IrStreamType stream) {
			String depth = stream.getDepth() == 0 ? "" : ", " + stream.getDepth() + (stream.isDepthInferred() ? " inferred" : "");
			String fifo = "Stream[" + print(stream.getElement()) + depth + "]";
			return stream.getShape().isEmpty() ? fifo : fifo + shape(stream.getShape());
		}
		return "?";
	}

	/** Allo's aliases where one exists (int1..int16, int32, int64, ...), else {@code Int(n)}. */
	private static String integer(int bits, boolean signed) {
		boolean alias = bits <= 16 || bits == 32 || bits == 64 || bits == 128 || bits == 256 || bits == 512;
		if (bits == 1 && !signed) {
			return "bool";
		}
		return alias ? (signed ? "int" : "uint") + bits : (signed ? "Int(" : "UInt(") + bits + ")";
	}

	private static String shape(java.util.List<Long> dims) {
		return dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
	}
}
