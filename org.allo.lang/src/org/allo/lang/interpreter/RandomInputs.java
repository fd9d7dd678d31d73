package org.allo.lang.interpreter;

import java.util.Random;

import org.allo.lang.ir.IrFixedType;
import org.allo.lang.ir.IrIndexType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrType;

/**
 * Random kernel inputs for {@code allo sim --random} and the generated projects' data: small values, so
 * that sums and products of a kernel rarely wrap and every value is in range of its type.
 */
public final class RandomInputs {

	private static final int INTEGER_RANGE = 16;

	private RandomInputs() {
	}

	/**
	 * Integers uniform in [-8, 8) (unsigned and index [0, 16)) within the type's range; fixed point and floats
	 * uniform in [-1, 1) (unsigned fixed point [0, 1)).
	 */
	public static Tensor tensor(long[] shape, IrType element, Random random) {
		Tensor tensor = new Tensor(shape, Scalar.of(0));
		for (int i = 0; i < tensor.size(); i++) {
			tensor.set(i, scalar(element, random));
		}
		return tensor;
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
