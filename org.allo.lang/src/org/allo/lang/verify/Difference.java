package org.allo.lang.verify;

/**
 * Where two symbolic runs first disagree: element {@code element} (row-major) of output
 * {@code output}, with the canonical terms of both; {@code count} differing elements in all.
 */
public record Difference(int output, String label, long[] shape, int element, int before, int after, int count) {

	/** {@code result 0[1, 2]}. */
	public String place() {
		return label + Counterexample.indexText(shape, element);
	}
}
