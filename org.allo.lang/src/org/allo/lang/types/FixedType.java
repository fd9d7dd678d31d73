package org.allo.lang.types;

/** {@code Fixed(bits, fracs)} / {@code UFixed(bits, fracs)}: HLS {@code ap_fixed<bits, bits - fracs>}. */
public record FixedType(int bits, int fracs, boolean signed) implements Type {

	/** Bits left of the binary point (the sign bit included). */
	public int intBits() {
		return bits - fracs;
	}

	@Override
	public String display() {
		return (signed ? "Fixed(" : "UFixed(") + bits + ", " + fracs + ")";
	}

	@Override
	public String toString() {
		return display();
	}
}
