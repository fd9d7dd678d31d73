package org.allo.lang.types;

/**
 * One tensor dimension: a known size, or a symbolic one (a template parameter expression such as
 * {@code M + 1}) whose text is kept for messages.
 */
public record Dim(Long size, String text) {

	public static Dim of(long size) {
		return new Dim(size, Long.toString(size));
	}

	public static Dim symbolic(String text) {
		return new Dim(null, text);
	}

	public boolean isKnown() {
		return size != null;
	}

	/** Whether the two may be the same size (a symbolic dimension matches anything). */
	public boolean compatibleWith(Dim other) {
		return !isKnown() || !other.isKnown() || size.longValue() == other.size.longValue();
	}

	@Override
	public String toString() {
		return text;
	}
}
