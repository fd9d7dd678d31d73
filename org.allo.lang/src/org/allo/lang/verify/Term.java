package org.allo.lang.verify;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * One node of the hash-consed term DAG of {@link TermTable}. Exact terms (integers, index, fixed
 * point) denote the raw integer of a value (value x 2^fracs, unbounded); {@code low}/{@code high}
 * bound that integer when known. Real terms denote a double already rounded to its format.
 * Identity is structural ({@code op}, {@code attribute}, {@code args}); the table gives each
 * distinct structure one id, so equal ids mean equal terms.
 */
public final class Term {

	final int id;
	final TermOp op;
	final Object attribute;
	final int[] args;
	final BigInteger low;
	final BigInteger high;
	/** How many other terms use this one; shared subterms are normalised once. */
	int uses;

	Term(int id, TermOp op, Object attribute, int[] args, BigInteger low, BigInteger high) {
		this.id = id;
		this.op = op;
		this.attribute = attribute;
		this.args = args;
		this.low = low;
		this.high = high;
	}

	public int id() {
		return id;
	}

	public TermOp op() {
		return op;
	}

	public Object attribute() {
		return attribute;
	}

	public int arg(int index) {
		return args[index];
	}

	public int arity() {
		return args.length;
	}

	boolean isConstant() {
		return op == TermOp.EXACT || op == TermOp.REAL;
	}

	/** The structure alone, as the interning key. */
	record Key(TermOp op, Object attribute, int[] args) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && op == key.op && Arrays.equals(args, key.args)
					&& Objects.equals(attribute, key.attribute);
		}

		@Override
		public int hashCode() {
			return (op.hashCode() * 31 + Objects.hashCode(attribute)) * 31 + Arrays.hashCode(args);
		}
	}
}
