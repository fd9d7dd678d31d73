package org.allo.lang.interpreter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The FIFOs of a stream buffer, one per element of its shape (a single stream has shape []). The
 * simulation is sequential, so a FIFO is unbounded: the producer runs to completion before its consumer.
 */
public final class Fifos {

	private final long[] shape;
	private final List<ArrayDeque<Scalar>> queues;

	public Fifos(long[] shape) {
		this.shape = shape.clone();
		this.queues = new ArrayList<>();
		long count = Tensor.elementCount(shape);
		for (long i = 0; i < count; i++) {
			queues.add(new ArrayDeque<>());
		}
	}

	private Fifos(long[] shape, List<ArrayDeque<Scalar>> queues) {
		this.shape = shape;
		this.queues = queues;
	}

	/**
	 * The FIFOs the leading indices select, sharing their queues with this array (a processing
	 * element's channel {@code A_fifo[i, j]}), or null when they are out of range.
	 */
	Fifos channel(List<Long> leading) {
		int block = Tensor.rowMajorOffset(Arrays.copyOf(shape, leading.size()), leading);
		if (block < 0) {
			return null;
		}
		long[] inner = Arrays.copyOfRange(shape, leading.size(), shape.length);
		int size = Math.toIntExact(Tensor.elementCount(inner));
		return new Fifos(inner, queues.subList(block * size, (block + 1) * size));
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
