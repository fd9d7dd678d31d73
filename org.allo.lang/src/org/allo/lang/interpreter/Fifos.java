package org.allo.lang.interpreter;

import java.util.ArrayList;
import java.util.List;

/**
 * The FIFOs of a stream buffer, one per element of its shape (a single stream has shape []).
 * Outside dataflow regions the simulation is sequential, so a FIFO is unbounded: the producer runs
 * to completion before its consumer. In a region each FIFO holds at most its depth.
 */
public final class Fifos {

	private final long[] shape;
	private final List<Fifo> fifos = new ArrayList<>();

	/** FIFOs named {@code name[i, j]} (or {@code name} for a single stream) of the given capacity. */
	public Fifos(String name, long[] shape, int capacity) {
		this.shape = shape.clone();
		long count = Tensor.elementCount(shape);
		for (long i = 0; i < count; i++) {
			fifos.add(new Fifo(shape.length == 0 ? name : name + Tensor.indicesOf(shape, i), capacity));
		}
	}

	private Fifos(Fifo single) {
		this.shape = new long[0];
		fifos.add(single);
	}

	/** The one FIFO at the indices as a single stream sharing it (a region passes it to an instance), or null. */
	Fifos element(List<Long> indices) {
		Fifo fifo = at(indices);
		return fifo == null ? null : new Fifos(fifo);
	}

	/** The FIFO at the indices, or null when they are out of range. */
	Fifo at(List<Long> indices) {
		int offset = Tensor.rowMajorOffset(shape, indices);
		return offset < 0 ? null : fifos.get(offset);
	}

	/** Every FIFO, in row-major order. */
	public List<Fifo> all() {
		return List.copyOf(fifos);
	}

	long[] shape() {
		return shape.clone();
	}
}
