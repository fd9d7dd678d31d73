package org.allo.lang.verify;

/**
 * An element of an input of the kernel: parameter {@code parameter} (by position, so that two
 * kernels with other parameter names compare), element {@code element} in row-major order (0 for a
 * scalar). The name is for messages only.
 */
public record InputRef(int parameter, int element, String name) {

	@Override
	public boolean equals(Object other) {
		return other instanceof InputRef ref && ref.parameter == parameter && ref.element == element;
	}

	@Override
	public int hashCode() {
		return parameter * 1_000_003 + element;
	}
}
