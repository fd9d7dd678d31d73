package org.allo.lang.verify;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hash-consed term DAG both programs of a comparison are executed into: every structurally
 * distinct term exists once, so equal subcomputations share one node and comparing two terms is
 * comparing ids. Constructors fold constants and apply only rules that are exact on unbounded
 * integers (sorting the operands of + and x, dropping a wrap the value's range already fits in);
 * {@link Normaliser} does the rest.
 */
public final class TermTable {

	/** Loop counters and indices are small constants; they skip the interning map. */
	private static final int SMALL_BITS = 11;
	private static final int SMALL_OFFSET = 1 << SMALL_BITS;
	private static final int[] NO_ARGS = new int[0];

	private final int[] smallConstants = new int[2 * SMALL_OFFSET];
	private final Map<Long, BigInteger[]> typeRanges = new HashMap<>();
	private final List<Term> terms = new ArrayList<>();
	private final Map<Term.Key, Term> interned = new HashMap<>();
	private final int zero;
	private final int one;

	public TermTable() {
		Arrays.fill(smallConstants, -1);
		zero = exact(BigInteger.ZERO);
		one = exact(BigInteger.ONE);
	}

	public Term get(int id) {
		return terms.get(id);
	}

	/** The number of distinct terms. */
	public int size() {
		return terms.size();
	}

	int intern(TermOp op, Object attribute, int[] args, BigInteger low, BigInteger high) {
		Term.Key key = new Term.Key(op, attribute, args);
		Term existing = interned.get(key);
		if (existing != null) {
			return existing.id;
		}
		Term term = new Term(terms.size(), op, attribute, args, low, high);
		terms.add(term);
		interned.put(key, term);
		for (int arg : args) {
			terms.get(arg).uses++;
		}
		return term.id;
	}

	public int input(InputRef ref, BigInteger low, BigInteger high) {
		return intern(TermOp.INPUT, ref, new int[0], low, high);
	}

	public int exact(BigInteger raw) {
		if (raw.bitLength() < SMALL_BITS) {
			int slot = raw.intValue() + SMALL_OFFSET;
			if (smallConstants[slot] < 0) {
				smallConstants[slot] = intern(TermOp.EXACT, raw, NO_ARGS, raw, raw);
			}
			return smallConstants[slot];
		}
		return intern(TermOp.EXACT, raw, NO_ARGS, raw, raw);
	}

	public int real(double value) {
		return intern(TermOp.REAL, value, new int[0], null, null);
	}

	public boolean isConstant(int id) {
		return get(id).isConstant();
	}

	/** The raw integer of an exact constant. */
	public BigInteger exactValue(int id) {
		return (BigInteger) get(id).attribute;
	}

	public double realValue(int id) {
		return (Double) get(id).attribute;
	}

	public int add(int a, int b) {
		if (a == zero) {
			return b;
		}
		if (b == zero) {
			return a;
		}
		if (get(a).op == TermOp.EXACT && get(b).op == TermOp.EXACT) {
			return exact(exactValue(a).add(exactValue(b)));
		}
		return intern(TermOp.ADD, null, sorted(a, b), sum(get(a).low, get(b).low), sum(get(a).high, get(b).high));
	}

	public int multiply(int a, int b) {
		if (a == zero || b == zero) {
			return zero;
		}
		if (a == one) {
			return b;
		}
		if (b == one) {
			return a;
		}
		if (get(a).op == TermOp.EXACT && get(b).op == TermOp.EXACT) {
			return exact(exactValue(a).multiply(exactValue(b)));
		}
		BigInteger[] range = productRange(get(a), get(b));
		return intern(TermOp.MUL, null, sorted(a, b), range[0], range[1]);
	}

	public int negate(int a) {
		Term term = get(a);
		if (term.op == TermOp.EXACT) {
			return exact(exactValue(a).negate());
		}
		if (term.op == TermOp.NEG) {
			return term.args[0];
		}
		return intern(TermOp.NEG, null, new int[] { a }, term.high == null ? null : term.high.negate(),
				term.low == null ? null : term.low.negate());
	}

	/** The value reduced to the type's width; the identity when its range already fits. */
	public int wrap(int a, int bits, boolean signed) {
		Term term = get(a);
		BigInteger[] range = typeRanges.computeIfAbsent((long) bits << 1 | (signed ? 1 : 0),
				key -> new BigInteger[] { minimum(bits, signed), maximum(bits, signed) });
		BigInteger min = range[0];
		BigInteger max = range[1];
		if (term.op == TermOp.EXACT) {
			return exact(reduce(exactValue(a), bits, signed));
		}
		if (term.low != null && term.high != null && term.low.compareTo(min) >= 0 && term.high.compareTo(max) <= 0) {
			return a;
		}
		return intern(TermOp.WRAP, new Wrap(bits, signed), new int[] { a }, min, max);
	}

	/** floor(a / 2^k). */
	public int floorShift(int a, int k) {
		Term term = get(a);
		if (k == 0) {
			return a;
		}
		if (term.op == TermOp.EXACT) {
			return exact(exactValue(a).shiftRight(k));
		}
		return intern(TermOp.FLOOR_SHIFT, k, new int[] { a }, term.low == null ? null : term.low.shiftRight(k),
				term.high == null ? null : term.high.shiftRight(k));
	}

	/** An uninterpreted operation; an exact result lies in [low, high] (null when real or unknown). */
	public int apply(Operation operation, BigInteger low, BigInteger high, int... args) {
		int[] operands = args.clone();
		if (operation.commutative()) {
			Arrays.sort(operands);
		}
		return intern(TermOp.APPLY, operation, operands, low, high);
	}

	int sum(Coefficients coefficients, int[] monomials, BigInteger low, BigInteger high) {
		return intern(TermOp.SUM, coefficients, monomials, low, high);
	}

	int product(int[] factors, BigInteger low, BigInteger high) {
		return intern(TermOp.PRODUCT, null, factors, low, high);
	}

	/** The two's-complement value of the low bits of raw. */
	public static BigInteger reduce(BigInteger raw, int bits, boolean signed) {
		BigInteger modulus = BigInteger.ONE.shiftLeft(bits);
		BigInteger low = raw.mod(modulus);
		return signed && low.testBit(bits - 1) ? low.subtract(modulus) : low;
	}

	public static BigInteger minimum(int bits, boolean signed) {
		return signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
	}

	public static BigInteger maximum(int bits, boolean signed) {
		return BigInteger.ONE.shiftLeft(signed ? bits - 1 : bits).subtract(BigInteger.ONE);
	}

	private static int[] sorted(int a, int b) {
		return a <= b ? new int[] { a, b } : new int[] { b, a };
	}

	static BigInteger sum(BigInteger a, BigInteger b) {
		return a == null || b == null ? null : a.add(b);
	}

	static BigInteger[] productRange(Term a, Term b) {
		if (a.low == null || a.high == null || b.low == null || b.high == null) {
			return new BigInteger[2];
		}
		BigInteger[] corners = { a.low.multiply(b.low), a.low.multiply(b.high), a.high.multiply(b.low), a.high.multiply(b.high) };
		BigInteger min = corners[0];
		BigInteger max = corners[0];
		for (BigInteger corner : corners) {
			min = min.min(corner);
			max = max.max(corner);
		}
		return new BigInteger[] { min, max };
	}
}
