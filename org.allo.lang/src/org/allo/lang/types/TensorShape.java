package org.allo.lang.types;

import java.util.List;

/** The dimensions of a tensor, outermost first; a dimension may be symbolic inside an uninstantiated template. */
public record TensorShape(List<Dim> dims) {

	public TensorShape {
		dims = List.copyOf(dims);
	}

	public int rank() {
		return dims.size();
	}

	/** The size of dimension {@code index} (0-based), or null when it is symbolic. */
	public Long size(int index) {
		return dims.get(index).size();
	}
}
