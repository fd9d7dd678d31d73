package org.allo.lang.layout;

/**
 * The partition type of one tensor dimension: {@code None}, {@code Block(f)}, {@code Cyclic(f)} or
 * {@code Complete} (LANGUAGE.md §4, "Layout types"). Values are normalised: {@code factor} is 0 for
 * {@code None} and {@code Complete}, and at least 2 for {@code Block} and {@code Cyclic}.
 */
public record DimLayout(Kind kind, int factor) {

	/** The partition kinds, as {@code Partition.Complete/Block/Cyclic} name them (None = unpartitioned). */
	public enum Kind {
		NONE, BLOCK, CYCLIC, COMPLETE
	}

	/** A dimension size that is not a known constant: no normalisation to {@code Complete}. */
	public static final int UNKNOWN_SIZE = -1;

	public static final DimLayout NONE = new DimLayout(Kind.NONE, 0);
	public static final DimLayout COMPLETE = new DimLayout(Kind.COMPLETE, 0);

	public DimLayout {
		boolean banked = kind == Kind.BLOCK || kind == Kind.CYCLIC;
		if (banked ? factor < 2 : factor != 0) {
			throw new IllegalArgumentException("not a normalised layout: " + kind + " factor " + factor);
		}
	}

	/**
	 * The normalised layout for a requested kind and factor on a dimension of {@code size} elements
	 * ({@link #UNKNOWN_SIZE} when not known): factor 1 is {@code None}, a factor that reaches the size
	 * is {@code Complete}, the factor of {@code Complete} is ignored.
	 *
	 * @throws IllegalArgumentException for a {@code Block} or {@code Cyclic} factor ≤ 0 (callers
	 *             report that to the user before asking)
	 */
	public static DimLayout of(Kind kind, int factor, int size) {
		switch (kind) {
		case NONE:
			return NONE;
		case COMPLETE:
			return COMPLETE;
		default:
			if (factor <= 0) {
				throw new IllegalArgumentException(kind + " needs a factor ≥ 1, got " + factor);
			}
			if (factor == 1) {
				return NONE;
			}
			if (size != UNKNOWN_SIZE && factor >= size) {
				return COMPLETE;
			}
			return new DimLayout(kind, factor);
		}
	}

	/** The number of banks this dimension is split into, for a dimension of {@code size} elements. */
	public int banks(int size) {
		return switch (kind) {
		case NONE -> 1;
		case BLOCK, CYCLIC -> factor;
		case COMPLETE -> size;
		};
	}

	@Override
	public String toString() {
		return switch (kind) {
		case NONE -> "None";
		case COMPLETE -> "Complete";
		case BLOCK -> "Block(" + factor + ")";
		case CYCLIC -> "Cyclic(" + factor + ")";
		};
	}
}
