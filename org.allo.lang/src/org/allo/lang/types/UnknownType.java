package org.allo.lang.types;

/** The type of an expression after an error: checks stay silent about it, so one mistake gives one diagnostic. */
public record UnknownType() implements Type {

	public static final UnknownType INSTANCE = new UnknownType();

	@Override
	public String display() {
		return "unknown";
	}

	@Override
	public String toString() {
		return display();
	}
}
