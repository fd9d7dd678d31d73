package org.allo.lang.npy;

/** The NumPy element types {@link Npy} reads and writes, with their type character and byte size. */
public enum NpyDtype {
	BOOL('b', 1, "bool"), INT8('i', 1, "int8"), INT16('i', 2, "int16"), INT32('i', 4, "int32"), INT64('i', 8, "int64"),
	UINT8('u', 1, "uint8"), UINT16('u', 2, "uint16"), UINT32('u', 4, "uint32"), UINT64('u', 8, "uint64"),
	FLOAT16('f', 2, "float16"), FLOAT32('f', 4, "float32"), FLOAT64('f', 8, "float64");

	private final char kind;
	private final int size;
	private final String numpyName;

	NpyDtype(char kind, int size, String numpyName) {
		this.kind = kind;
		this.size = size;
		this.numpyName = numpyName;
	}

	public int size() {
		return size;
	}

	public boolean isFloat() {
		return kind == 'f';
	}

	public boolean isUnsigned() {
		return kind == 'u' || kind == 'b';
	}

	/** The NumPy name, e.g. {@code int32}, as users see it in messages. */
	@Override
	public String toString() {
		return numpyName;
	}

	/** The type string of a header without its byte-order character, e.g. {@code i4}. */
	String typeCode() {
		return kind + Integer.toString(size);
	}

	/** The dtype of a header's type string without byte order, or null when it is not one of ours. */
	static NpyDtype ofTypeCode(String code) {
		for (NpyDtype dtype : values()) {
			if (dtype.typeCode().equals(code)) {
				return dtype;
			}
		}
		return null;
	}

	/** The signed or unsigned integer type of at least that many bits, or null above 64. */
	public static NpyDtype integerOfWidth(int bits, boolean signed) {
		NpyDtype[] candidates = signed ? new NpyDtype[] { INT8, INT16, INT32, INT64 }
				: new NpyDtype[] { UINT8, UINT16, UINT32, UINT64 };
		for (NpyDtype candidate : candidates) {
			if (bits <= candidate.size * 8) {
				return candidate;
			}
		}
		return null;
	}
}
