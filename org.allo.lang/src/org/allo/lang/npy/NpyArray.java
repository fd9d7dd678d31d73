package org.allo.lang.npy;

import java.util.Arrays;

/**
 * An n-dimensional array in C order as a .npy file holds it. Integer and bool elements are kept as longs
 * (uint64 as the same 64 bits, read with {@link Long#toUnsignedString}); float elements as doubles.
 */
public final class NpyArray {

	private final NpyDtype dtype;
	private final long[] shape;
	private final long[] integers;
	private final double[] reals;

	private NpyArray(NpyDtype dtype, long[] shape, long[] integers, double[] reals) {
		this.dtype = dtype;
		this.shape = shape.clone();
		this.integers = integers;
		this.reals = reals;
		long count = elementCount(shape);
		if ((integers != null ? integers.length : reals.length) != count) {
			throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + count + " elements");
		}
	}

	public static NpyArray ofLongs(NpyDtype dtype, long[] shape, long... values) {
		if (dtype.isFloat()) {
			throw new IllegalArgumentException(dtype + " holds floats");
		}
		return new NpyArray(dtype, shape, values.clone(), null);
	}

	public static NpyArray ofDoubles(NpyDtype dtype, long[] shape, double... values) {
		if (!dtype.isFloat()) {
			throw new IllegalArgumentException(dtype + " holds integers");
		}
		return new NpyArray(dtype, shape, null, values.clone());
	}

	static long elementCount(long[] shape) {
		long count = 1;
		for (long extent : shape) {
			count = Math.multiplyExact(count, extent);
		}
		return count;
	}

	public NpyDtype dtype() {
		return dtype;
	}

	public long[] shape() {
		return shape.clone();
	}

	public int size() {
		return integers != null ? integers.length : reals.length;
	}

	/** The element of an integer or bool array. */
	public long longAt(int index) {
		return integers[index];
	}

	/** The element of a float array. */
	public double doubleAt(int index) {
		return reals[index];
	}
}
