package org.allo.lang.types;

/** The type of an expression that names a type ({@code int8}, {@code Fixed(8, 3)}): calling it casts. */
public record MetaType(Type denoted) implements Type {

	@Override
	public String display() {
		return "type " + denoted.display();
	}

	@Override
	public String toString() {
		return display();
	}
}
