package org.allo.lang.verify;

/** The kinds of {@link Term}. */
public enum TermOp {
	/** An element of an input: attribute {@link InputRef}. */
	INPUT,
	/** An exact constant: attribute its raw BigInteger. */
	EXACT,
	/** A real constant: attribute its Double. */
	REAL,
	/** Unbounded integer sum of two exact terms (operands sorted by id). */
	ADD,
	/** Unbounded integer product of two exact terms (operands sorted by id). */
	MUL,
	/** Unbounded integer negation. */
	NEG,
	/** Two's-complement wrap of an exact term: attribute {@link Wrap}. */
	WRAP,
	/** floor(x / 2^k): attribute the Integer k (AP_TRN of fixed point). */
	FLOOR_SHIFT,
	/** Canonical sum: args are monomials sorted by id, attribute {@link Coefficients}. */
	SUM,
	/** Canonical product: factors sorted by id, repeated for powers. */
	PRODUCT,
	/** Any other operation, opaque to canonicalisation: attribute {@link Operation}. */
	APPLY
}
