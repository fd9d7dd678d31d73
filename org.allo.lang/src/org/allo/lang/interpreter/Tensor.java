package org.allo.lang.interpreter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tensor of scalars stored flat in row-major order; a scalar buffer is a tensor of shape []. A view
 * ({@link #subTensor}) shares the storage of its tensor, so writes through it are writes to the tensor.
 */
public final class Tensor {

	private final long[] shape;
	private final Scalar[] elements;
	private final int start;
	private final int size;

	public Tensor(long[] shape, Scalar fill) {
		this.shape = shape.clone();
		this.elements = new Scalar[Math.toIntExact(elementCount(shape))];
		this.start = 0;
		this.size = elements.length;
		Arrays.fill(elements, fill);
	}

	private Tensor(Tensor whole, int start, long[] shape) {
		this.shape = shape;
		this.elements = whole.elements;
		this.start = whole.start + start;
		this.size = Math.toIntExact(elementCount(shape));
	}

	/**
	 * The sub-tensor at the leading indices ({@code G[r]} of a matrix is row r), sharing this tensor's storage;
	 * null when an index is out of range.
	 */
	public Tensor subTensor(List<Long> leading) {
		long[] rest = Arrays.copyOfRange(shape, leading.size(), shape.length);
		List<Long> first = new ArrayList<>(leading);
		for (int d = leading.size(); d < shape.length; d++) {
			first.add(0L);
		}
		int offset = leading.size() > shape.length || elementCount(rest) == 0 ? -1 : offset(first);
		return offset < 0 ? null : new Tensor(this, offset, rest);
	}

	public static Tensor ofLongs(long[] shape, long... values) {
		Tensor tensor = new Tensor(shape, Scalar.of(0));
		if (values.length != tensor.size) {
			throw new IllegalArgumentException("expected " + tensor.size + " values, got " + values.length);
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
		return size;
	}

	static long elementCount(long[] shape) {
		long count = 1;
		for (long extent : shape) {
			count = Math.multiplyExact(count, extent);
		}
		return count;
	}

	/** The indices of the element at a flat row-major position (the inverse of {@link #rowMajorOffset}). */
	static List<Long> indicesOf(long[] shape, long offset) {
		Long[] indices = new Long[shape.length];
		long rest = offset;
		for (int d = shape.length - 1; d >= 0; d--) {
			indices[d] = rest % shape[d];
			rest /= shape[d];
		}
		return List.of(indices);
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
		return elements[start + offset];
	}

	public void set(int offset, Scalar value) {
		elements[start + offset] = value;
	}

	/** The elements as longs (integer parts, truncated toward zero), for tests and tools. */
	public long[] toLongs() {
		long[] values = new long[size];
		for (int i = 0; i < values.length; i++) {
			Scalar element = get(i);
			values[i] = element instanceof Scalar.Exact exact ? exact.toLong() : (long) element.toDouble();
		}
		return values;
	}
}
