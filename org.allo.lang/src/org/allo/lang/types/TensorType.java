package org.allo.lang.types;

import java.util.List;
import java.util.stream.Collectors;

/** {@code element[d0, d1, ...]}; the element is a scalar or a stream (arrays of FIFOs). */
public record TensorType(Type element, List<Dim> shape) implements Type {

	public TensorType {
		shape = List.copyOf(shape);
	}

	public int rank() {
		return shape.size();
	}

	/** Whether every dimension agrees where both are known. */
	public boolean shapeCompatibleWith(TensorType other) {
		if (rank() != other.rank()) {
			return false;
		}
		for (int i = 0; i < rank(); i++) {
			if (!shape.get(i).compatibleWith(other.shape.get(i))) {
				return false;
			}
		}
		return true;
	}

	public String shapeText() {
		return shape.stream().map(Dim::text).collect(Collectors.joining(", ", "[", "]"));
	}

	@Override
	public String display() {
		return element.display() + shapeText();
	}

	@Override
	public String toString() {
		return display();
	}
}
