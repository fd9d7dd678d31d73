package org.allo.lang.ide.cli;

import java.math.BigInteger;

import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.Tensor;
import org.allo.lang.ir.IrFixedType;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrIndexType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrType;
import org.allo.lang.npy.NpyArray;
import org.allo.lang.npy.NpyDtype;

/**
 * The mapping between simulation values and .npy arrays (LANGUAGE.md §6): integers go to the NumPy integer
 * type of at least their width (1-bit unsigned is bool), fixed point to float64, floats to their own width
 * (bfloat16, which NumPy lacks, to float32). A scalar is a 0-d array.
 */
final class NpyValues {

	private NpyValues() {
	}

	/** The dtype of the element type, or null when no NumPy type holds it. */
	static NpyDtype dtypeOf(IrType element) {
		if (element instanceof IrIntType type) {
			return type.getBits() == 1 && !type.isSigned() ? NpyDtype.BOOL : NpyDtype.integerOfWidth(type.getBits(), type.isSigned());
		}
		if (element instanceof IrIndexType) {
			return NpyDtype.INT64;
		}
		if (element instanceof IrFixedType) {
			return NpyDtype.FLOAT64;
		}
		if (element instanceof IrFloatType type) {
			return switch (type.getKind()) {
			case F16 -> NpyDtype.FLOAT16;
			case F64 -> NpyDtype.FLOAT64;
			default -> NpyDtype.FLOAT32;
			};
		}
		return null;
	}

	/** The array as a tensor of the same shape; the interpreter converts elements to the parameter's type. */
	static Tensor toTensor(NpyArray array) {
		Tensor tensor = new Tensor(array.shape(), Scalar.of(0));
		for (int i = 0; i < array.size(); i++) {
			tensor.set(i, scalarAt(array, i));
		}
		return tensor;
	}

	static Scalar scalarAt(NpyArray array, int index) {
		if (array.dtype().isFloat()) {
			return Scalar.of(array.doubleAt(index));
		}
		long value = array.longAt(index);
		return array.dtype() == NpyDtype.UINT64 ? new Scalar.Exact(new BigInteger(Long.toUnsignedString(value)), 0) : Scalar.of(value);
	}

	/** The value (a {@link Tensor} or a {@link Scalar}) of that element type as an array of its dtype. */
	static NpyArray toArray(Object value, IrType element) {
		NpyDtype dtype = dtypeOf(element);
		Tensor tensor = value instanceof Tensor t ? t : new Tensor(new long[0], (Scalar) value);
		if (dtype.isFloat()) {
			double[] values = new double[tensor.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = tensor.get(i).toDouble();
			}
			return NpyArray.ofDoubles(dtype, tensor.shape(), values);
		}
		long[] values = new long[tensor.size()];
		for (int i = 0; i < values.length; i++) {
			// the low 64 bits: the same bits as the value for every width up to uint64
			values[i] = ((Scalar.Exact) tensor.get(i)).raw().longValue();
		}
		return NpyArray.ofLongs(dtype, tensor.shape(), values);
	}
}
