package org.allo.lang.types;

/** {@code Stream[T, depth]}; depth null when the tool sizes it. */
public record StreamType(Type element, Long depth) implements Type {

	@Override
	public String display() {
		return "Stream[" + element.display() + (depth == null ? "" : ", " + depth) + "]";
	}

	@Override
	public String toString() {
		return display();
	}
}
