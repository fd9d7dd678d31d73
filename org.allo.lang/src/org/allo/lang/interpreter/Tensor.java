package org.allo.lang.interpreter;

import java.util.Arrays;
import java.util.List;

/** A tensor of scalars stored flat in row-major order; a scalar buffer is a tensor of shape []. */
public final class Tensor {

	private final long[] shape;
	private final Scalar[] elements;

	public Tensor(long[] shape, Scalar fill) {
		this.shape = shape.clone();
		this.elements = new Scalar[Math.toIntExact(elementCount(shape))];
		Arrays.fill(elements, fill);
	}

	public static Tensor ofLongs(long[] shape, long... values) {
		Tensor tensor = new Tensor(shape, Scalar.of(0));
		if (values.length != tensor.elements.length) {
			throw new IllegalArgumentException("expected " + tensor.elements.length + " values, got " + values.length);
		}
		for (int i = 0; i < values.length; i++) {
			tensor.elements[i] = Scalar.of(values[i]);
		}
		return tensor;
	}

	/** A tensor with the same shape and elements that changes independently of this one. */
	public Tensor copy() {
		Tensor copy = new Tensor(shape, Scalar.of(0));
		System.arraycopy(elements, 0, copy.elements, 0, elements.length);
		return copy;
	}

	public long[] shape() {
		return shape.clone();
	}

	public int size() {
		return elements.length;
	}

	static long elementCount(long[] shape) {
		long count = 1;
		for (long extent : shape) {
			count = Math.multiplyExact(count, extent);
		}
		return count;
	}

	/** The flat row-major position of the indices, or -1 when the index count or an index is out of range. */
	public int offset(List<Long> indices) {
		return rowMajorOffset(shape, indices);
	}

	static int rowMajorOffset(long[] shape, List<Long> indices) {
		if (indices.size() != shape.length) {
			return -1;
		}
		long offset = 0;
		for (int d = 0; d < shape.length; d++) {
			long index = indices.get(d);
			if (index < 0 || index >= shape[d]) {
				return -1;
			}
			offset = offset * shape[d] + index;
		}
		return (int) offset;
	}

	public Scalar get(int offset) {
		return elements[offset];
	}

	public void set(int offset, Scalar value) {
		elements[offset] = value;
	}

	/** The elements as longs (integer parts, truncated toward zero), for tests and tools. */
	public long[] toLongs() {
		long[] values = new long[elements.length];
		for (int i = 0; i < values.length; i++) {
			values[i] = elements[i] instanceof Scalar.Exact exact ? exact.toLong() : (long) elements[i].toDouble();
		}
		return values;
	}
}
