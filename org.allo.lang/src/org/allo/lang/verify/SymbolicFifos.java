package org.allo.lang.verify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The FIFOs of a stream buffer holding terms; unbounded, as in the sequential interpreter. */
final class SymbolicFifos {

	final long[] shape;
	final List<ArrayDeque<Integer>> queues;

	SymbolicFifos(long[] shape) {
		this.shape = shape;
		this.queues = new ArrayList<>();
		for (int i = 0; i < IrTypeFacts.elementCount(shape); i++) {
			queues.add(new ArrayDeque<>());
		}
	}

	private SymbolicFifos(long[] shape, List<ArrayDeque<Integer>> queues) {
		this.shape = shape;
		this.queues = queues;
	}

	/** The FIFOs the leading indices select, sharing their queues (a processing element's channel), or null when out of range. */
	SymbolicFifos channel(long[] leading) {
		int block = SymbolicTensor.offset(Arrays.copyOf(shape, leading.length), leading);
		if (block < 0) {
			return null;
		}
		long[] inner = Arrays.copyOfRange(shape, leading.length, shape.length);
		int size = (int) IrTypeFacts.elementCount(inner);
		return new SymbolicFifos(inner, queues.subList(block * size, (block + 1) * size));
	}
}
