package org.allo.lang.types;

import java.util.List;

/** A template's type parameter {@code T: (int32, float32)} before instantiation; constraints empty when unconstrained. */
public record TypeVar(String name, List<Type> constraints) implements Type {

	public TypeVar {
		constraints = List.copyOf(constraints);
	}

	@Override
	public String display() {
		return name;
	}

	@Override
	public String toString() {
		return display();
	}
}
