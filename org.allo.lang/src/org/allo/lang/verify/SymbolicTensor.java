package org.allo.lang.verify;

import java.util.Arrays;

import org.allo.lang.ir.IrType;

/**
 * A buffer during symbolic execution: one term per element, row-major. Identity matters (buffers
 * are passed by reference), so this is a class without value equality. A view ({@link #view}, the
 * row {@code G[r]} passed to a call) shares the cells of its tensor from {@code start} on.
 */
final class SymbolicTensor {

	final long[] shape;
	final IrType element;
	final int[] cells;
	final int start;

	SymbolicTensor(long[] shape, IrType element, int fill) {
		this.shape = shape;
		this.element = element;
		this.cells = new int[IrTypeFacts.elementCount(shape)];
		this.start = 0;
		Arrays.fill(cells, fill);
	}

	private SymbolicTensor(SymbolicTensor whole, int start, long[] shape) {
		this.shape = shape;
		this.element = whole.element;
		this.cells = whole.cells;
		this.start = start;
	}

	/** The position in {@link #cells} of the element at the indices, or -1 when out of range. */
	int offset(long[] indices) {
		int offset = offset(shape, indices);
		return offset < 0 ? -1 : start + offset;
	}

	/** A copy of this tensor's terms, row-major. */
	int[] terms() {
		return Arrays.copyOfRange(cells, start, start + IrTypeFacts.elementCount(shape));
	}

	/** The sub-tensor at the leading indices, sharing these cells; null when an index is out of range. */
	SymbolicTensor view(long[] leading) {
		long[] rest = Arrays.copyOfRange(shape, leading.length, shape.length);
		int first = leading.length > shape.length ? -1 : offset(Arrays.copyOf(leading, shape.length));
		return first < 0 || IrTypeFacts.elementCount(rest) == 0 ? null : new SymbolicTensor(this, first, rest);
	}

	static int offset(long[] shape, long[] indices) {
		if (indices.length != shape.length) {
			return -1;
		}
		long offset = 0;
		for (int d = 0; d < shape.length; d++) {
			if (indices[d] < 0 || indices[d] >= shape[d]) {
				return -1;
			}
			offset = offset * shape[d] + indices[d];
		}
		return (int) offset;
	}
}
