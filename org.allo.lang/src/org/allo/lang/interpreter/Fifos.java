package org.allo.lang.interpreter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The FIFOs of a stream buffer, one per element of its shape (a single stream has shape []). The
 * simulation is sequential, so a FIFO is unbounded: the producer runs to completion before its consumer.
 */
public final class Fifos {

	private final long[] shape;
	private final List<ArrayDeque<Scalar>> queues = new ArrayList<>();

	public Fifos(long[] shape) {
		this.shape = shape.clone();
		long count = Tensor.elementCount(shape);
		for (long i = 0; i < count; i++) {
			queues.add(new ArrayDeque<>());
		}
	}

	/** The FIFO at the indices, or null when they are out of range. */
	ArrayDeque<Scalar> at(List<Long> indices) {
		int offset = Tensor.rowMajorOffset(shape, indices);
		return offset < 0 ? null : queues.get(offset);
	}

	long[] shape() {
		return shape.clone();
	}
}
