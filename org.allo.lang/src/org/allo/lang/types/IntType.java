package org.allo.lang.types;

/** {@code Int(bits)} or {@code UInt(bits)}; {@code bool} is {@code UInt(1)}. */
public record IntType(int bits, boolean signed) implements Type {

	public static final IntType INT32 = new IntType(32, true);
	public static final IntType BOOL = new IntType(1, false);

	@Override
	public String display() {
		boolean aliased = bits <= 16 || bits == 32 || bits == 64 || bits == 128 || bits == 256 || bits == 512;
		if (aliased) {
			return (signed ? "int" : "uint") + bits;
		}
		return (signed ? "Int(" : "UInt(") + bits + ")";
	}

	@Override
	public String toString() {
		return display();
	}
}
