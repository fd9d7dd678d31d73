package org.allo.lang.types;

/** Loop variables and {@code index}: 32 bits for typing; mixed with integers it acts as {@code UInt(32)}. */
public record IndexType() implements Type {

	public static final IndexType INSTANCE = new IndexType();
	public static final int BITS = 32;

	@Override
	public String display() {
		return "index";
	}

	@Override
	public String toString() {
		return display();
	}
}
