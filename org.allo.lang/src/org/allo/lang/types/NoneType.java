package org.allo.lang.types;

/** What a kernel without {@code ->} returns, and the value of a call to it. */
public record NoneType() implements Type {

	public static final NoneType INSTANCE = new NoneType();

	@Override
	public String display() {
		return "None";
	}

	@Override
	public String toString() {
		return display();
	}
}
