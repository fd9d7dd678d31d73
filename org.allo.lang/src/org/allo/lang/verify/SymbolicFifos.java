package org.allo.lang.verify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The FIFOs of a stream buffer holding terms; unbounded, as in the sequential interpreter. */
final class SymbolicFifos {

	final long[] shape;
	final List<ArrayDeque<Integer>> queues = new ArrayList<>();

	SymbolicFifos(long[] shape) {
		this.shape = shape;
		for (int i = 0; i < IrTypeFacts.elementCount(shape); i++) {
			queues.add(new ArrayDeque<>());
		}
	}
}
