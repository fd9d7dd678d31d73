package org.allo.lang.types;

import java.util.List;
import java.util.stream.Collectors;

/** Several values at once: a kernel returning {@code (int32[M], int32[M])}. */
public record TupleType(List<Type> elements) implements Type {

	public TupleType {
		elements = List.copyOf(elements);
	}

	@Override
	public String display() {
		return elements.stream().map(Type::display).collect(Collectors.joining(", ", "(", ")"));
	}

	@Override
	public String toString() {
		return display();
	}
}
