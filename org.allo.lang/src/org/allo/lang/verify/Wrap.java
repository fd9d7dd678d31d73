package org.allo.lang.verify;

/** Reduction of an exact term to {@code bits} two's-complement (or unsigned) bits. */
public record Wrap(int bits, boolean signed) {
}
