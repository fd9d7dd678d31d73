package org.allo.lang.interpreter;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFixedType;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrIndexType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrValue;

/**
 * Random simulation inputs: integers uniform in [-8, 8) (unsigned and index [0, 16)) within the
 * type's range, so that sums and products of a kernel rarely wrap; fixed point and floats uniform
 * in [-1, 1) (unsigned fixed point [0, 1)).
 */
public final class RandomValues {

	private static final int INTEGER_RANGE = 16;

	private RandomValues() {
	}

	public static Tensor tensor(long[] shape, IrType element, Random random) {
		Tensor tensor = new Tensor(shape, Scalar.of(0));
		for (int i = 0; i < tensor.size(); i++) {
			tensor.set(i, scalar(element, random));
		}
		return tensor;
	}

	/**
	 * One random argument per parameter of {@code function}: a {@link Tensor} for a tensor or scalar
	 * buffer, a {@link Scalar} for a scalar value. Stream parameters have no random value.
	 *
	 * @throws IllegalArgumentException for a stream parameter
	 */
	public static List<Object> arguments(IrFunction function, Random random) {
		List<Object> arguments = new ArrayList<>();
		for (IrValue parameter : function.getParams()) {
			IrType type = parameter.getType();
			if (type instanceof IrStreamType) {
				throw new IllegalArgumentException("parameter '" + parameter.getName() + "' is a stream");
			}
			IrType element = type instanceof IrTensorType tensor ? tensor.getElement() : type;
			long[] shape = type instanceof IrTensorType tensor ? tensor.getShape().stream().mapToLong(Long::longValue).toArray() : new long[0];
			Tensor value = tensor(shape, element, random);
			arguments.add(type instanceof IrTensorType || parameter instanceof IrBuffer ? value : value.get(0));
		}
		return arguments;
	}

	private static Scalar scalar(IrType element, Random random) {
		if (element instanceof IrIntType type) {
			int span = (int) Math.min(INTEGER_RANGE, 1L << Math.min(type.getBits(), 30));
			return Scalar.of((long) random.nextInt(span) - (type.isSigned() ? span / 2 : 0));
		}
		if (element instanceof IrIndexType) {
			return Scalar.of((long) random.nextInt(INTEGER_RANGE));
		}
		if (element instanceof IrFixedType type && !type.isSigned()) {
			return Scalar.of(random.nextDouble());
		}
		return Scalar.of(random.nextDouble() * 2 - 1);
	}
}
