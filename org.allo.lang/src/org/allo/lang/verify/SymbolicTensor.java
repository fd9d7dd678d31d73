package org.allo.lang.verify;

import java.util.Arrays;

import org.allo.lang.ir.IrType;

/**
 * A buffer during symbolic execution: one term per element, row-major. Identity matters (buffers
 * are passed by reference), so this is a class without value equality.
 */
final class SymbolicTensor {

	final long[] shape;
	final IrType element;
	final int[] cells;

	SymbolicTensor(long[] shape, IrType element, int fill) {
		this.shape = shape;
		this.element = element;
		this.cells = new int[IrTypeFacts.elementCount(shape)];
		Arrays.fill(cells, fill);
	}

	/** The row-major position, or -1 when out of range. */
	int offset(long[] indices) {
		return offset(shape, indices);
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
