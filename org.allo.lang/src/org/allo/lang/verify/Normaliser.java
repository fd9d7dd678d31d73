package org.allo.lang.verify;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical forms of terms, so that two programs computing the same value in another order get the
 * same term id. Exact (integer and fixed-point raw) sums and products are flattened into
 * polynomials over atoms with monomials sorted by id; under a wrap to w bits every coefficient is
 * taken modulo 2^w and inner wraps to at least w bits are dropped, which is exact because wrapping
 * is a ring homomorphism onto Z/2^w. Float operations are only reordered when {@code reassociate}
 * is set (x+y = y+x holds in IEEE arithmetic, (x+y)+z = x+(y+z) does not), so that mode answers
 * "equal up to reassociation".
 */
public final class Normaliser {

	/** Larger products of sums stay unexpanded, so that a pathological program cannot blow up. */
	private static final int EXPANSION_LIMIT = 4096;
	private static final Operation UNEXPANDED = new Operation("mul", "unexpanded", true);

	private final TermTable table;
	private final boolean reassociate;
	private final Map<Integer, Integer> canonical = new HashMap<>();
	private final Map<Long, Polynomial> sharedPolynomials = new HashMap<>();

	public Normaliser(TermTable table, boolean reassociate) {
		this.table = table;
		this.reassociate = reassociate;
	}

	/** The canonical term equal to the term. */
	public int canonical(int id) {
		Integer known = canonical.get(id);
		if (known != null) {
			return known;
		}
		int result = compute(id);
		canonical.put(id, result);
		return result;
	}

	private int compute(int id) {
		Term term = table.get(id);
		return switch (term.op) {
		case INPUT, EXACT, REAL, SUM, PRODUCT -> id;
		case ADD, MUL, NEG -> build(polynomial(id, 0));
		case WRAP -> canonicalWrap(term);
		case FLOOR_SHIFT -> table.floorShift(canonical(term.args[0]), (Integer) term.attribute);
		case APPLY -> canonicalApply(term);
		};
	}

	private int canonicalWrap(Term term) {
		Wrap wrap = (Wrap) term.attribute;
		Polynomial polynomial = polynomial(term.args[0], wrap.bits());
		polynomial.reduceModulo(wrap.bits());
		polynomial.dropZeros();
		return table.wrap(build(polynomial), wrap.bits(), wrap.signed());
	}

	private int canonicalApply(Term term) {
		Operation operation = (Operation) term.attribute;
		if (reassociate && isFloatChain(operation)) {
			return flattenChain(term, operation);
		}
		int[] args = new int[term.args.length];
		for (int i = 0; i < args.length; i++) {
			args[i] = canonical(term.args[i]);
		}
		return table.apply(operation, term.low, term.high, args);
	}

	private static boolean isFloatChain(Operation operation) {
		return operation.commutative() && (operation.name().equals("float +") || operation.name().equals("float *"));
	}

	/** x+(y+z) and (x+y)+z of one float type become one n-ary node over the sorted leaves. */
	private int flattenChain(Term root, Operation operation) {
		List<Integer> leaves = new ArrayList<>();
		Deque<Integer> pending = new ArrayDeque<>();
		pending.push(root.id);
		while (!pending.isEmpty()) {
			Term term = table.get(pending.pop());
			if (term.op == TermOp.APPLY && operation.equals(term.attribute)) {
				for (int arg : term.args) {
					pending.push(arg);
				}
			} else {
				leaves.add(canonical(term.id));
			}
		}
		int[] sorted = leaves.stream().mapToInt(Integer::intValue).sorted().toArray();
		return table.apply(new Operation(operation.name() + " reassociated", operation.types(), true), null, null, sorted);
	}

	/** The term as a polynomial; under a wrap to {@code modulusBits} (0: none) inner wraps that wide vanish. */
	private Polynomial polynomial(int id, int modulusBits) {
		Polynomial polynomial = new Polynomial();
		accumulate(polynomial, id, BigInteger.ONE, modulusBits);
		return polynomial;
	}

	private record Pending(int id, BigInteger coefficient) {
	}

	private void accumulate(Polynomial into, int root, BigInteger rootCoefficient, int modulusBits) {
		Deque<Pending> pending = new ArrayDeque<>();
		pending.push(new Pending(root, rootCoefficient));
		while (!pending.isEmpty()) {
			Pending next = pending.pop();
			Term term = table.get(next.id);
			BigInteger coefficient = next.coefficient;
			if (term.uses > 1 && next.id != root && isRing(term, modulusBits)) {
				into.addScaled(shared(next.id, modulusBits), coefficient);
				continue;
			}
			switch (term.op) {
			case EXACT -> into.addConstant(coefficient.multiply(table.exactValue(term.id)));
			case ADD -> {
				pending.push(new Pending(term.args[0], coefficient));
				pending.push(new Pending(term.args[1], coefficient));
			}
			case NEG -> pending.push(new Pending(term.args[0], coefficient.negate()));
			case MUL -> accumulateProduct(into, term, coefficient, modulusBits, pending);
			case WRAP -> {
				if (modulusBits > 0 && ((Wrap) term.attribute).bits() >= modulusBits) {
					pending.push(new Pending(term.args[0], coefficient));
				} else {
					addAtom(into, canonical(term.id), coefficient);
				}
			}
			default -> addAtom(into, canonical(term.id), coefficient);
			}
		}
	}

	private boolean isRing(Term term, int modulusBits) {
		return switch (term.op) {
		case ADD, MUL, NEG -> true;
		case WRAP -> modulusBits > 0 && ((Wrap) term.attribute).bits() >= modulusBits;
		default -> false;
		};
	}

	/** A subterm used in several places is expanded once per modulus. */
	private Polynomial shared(int id, int modulusBits) {
		long key = (long) id << 20 | modulusBits;
		Polynomial known = sharedPolynomials.get(key);
		if (known == null) {
			known = polynomial(id, modulusBits);
			sharedPolynomials.put(key, known);
		}
		return known;
	}

	private void accumulateProduct(Polynomial into, Term term, BigInteger coefficient, int modulusBits, Deque<Pending> pending) {
		int a = term.args[0];
		int b = term.args[1];
		if (table.get(a).op == TermOp.EXACT) {
			pending.push(new Pending(b, coefficient.multiply(table.exactValue(a))));
			return;
		}
		if (table.get(b).op == TermOp.EXACT) {
			pending.push(new Pending(a, coefficient.multiply(table.exactValue(b))));
			return;
		}
		Polynomial left = polynomial(a, modulusBits);
		Polynomial right = polynomial(b, modulusBits);
		if ((long) left.size() * right.size() > EXPANSION_LIMIT) {
			BigInteger[] range = TermTable.productRange(table.get(a), table.get(b));
			addAtom(into, table.apply(UNEXPANDED, range[0], range[1], build(left), build(right)), coefficient);
			return;
		}
		multiplyInto(into, left, right, coefficient);
	}

	private void multiplyInto(Polynomial into, Polynomial left, Polynomial right, BigInteger coefficient) {
		into.addConstant(coefficient.multiply(left.constant).multiply(right.constant));
		for (Map.Entry<Integer, BigInteger> l : left.coefficients.entrySet()) {
			into.addMonomial(l.getKey(), coefficient.multiply(l.getValue()).multiply(right.constant));
			for (Map.Entry<Integer, BigInteger> r : right.coefficients.entrySet()) {
				into.addMonomial(monomialProduct(l.getKey(), r.getKey()), coefficient.multiply(l.getValue()).multiply(r.getValue()));
			}
		}
		for (Map.Entry<Integer, BigInteger> r : right.coefficients.entrySet()) {
			into.addMonomial(r.getKey(), coefficient.multiply(left.constant).multiply(r.getValue()));
		}
	}

	private int monomialProduct(int a, int b) {
		int[] left = factors(a);
		int[] right = factors(b);
		int[] merged = Arrays.copyOf(left, left.length + right.length);
		System.arraycopy(right, 0, merged, left.length, right.length);
		Arrays.sort(merged);
		BigInteger[] range = TermTable.productRange(table.get(a), table.get(b));
		return table.product(merged, range[0], range[1]);
	}

	private int[] factors(int monomial) {
		Term term = table.get(monomial);
		return term.op == TermOp.PRODUCT ? term.args : new int[] { monomial };
	}

	/** A canonical term joins the polynomial: sums and products are spread into it, anything else is an atom. */
	private void addAtom(Polynomial into, int id, BigInteger coefficient) {
		Term term = table.get(id);
		switch (term.op) {
		case EXACT -> into.addConstant(coefficient.multiply(table.exactValue(id)));
		case SUM -> {
			Coefficients coefficients = (Coefficients) term.attribute;
			into.addConstant(coefficient.multiply(coefficients.constant()));
			for (int i = 0; i < term.args.length; i++) {
				into.addMonomial(term.args[i], coefficient.multiply(coefficients.ofMonomials().get(i)));
			}
		}
		default -> into.addMonomial(id, coefficient);
		}
	}

	/** The canonical term of a polynomial: monomials sorted by id, zero coefficients dropped. */
	private int build(Polynomial polynomial) {
		polynomial.dropZeros();
		if (polynomial.coefficients.isEmpty()) {
			return table.exact(polynomial.constant);
		}
		int[] monomials = polynomial.coefficients.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
		if (monomials.length == 1 && polynomial.constant.signum() == 0
				&& polynomial.coefficients.get(monomials[0]).equals(BigInteger.ONE)) {
			return monomials[0];
		}
		List<BigInteger> coefficients = new ArrayList<>(monomials.length);
		BigInteger low = polynomial.constant;
		BigInteger high = polynomial.constant;
		for (int monomial : monomials) {
			BigInteger coefficient = polynomial.coefficients.get(monomial);
			coefficients.add(coefficient);
			Term term = table.get(monomial);
			if (low != null && term.low != null && term.high != null) {
				BigInteger a = term.low.multiply(coefficient);
				BigInteger b = term.high.multiply(coefficient);
				low = low.add(a.min(b));
				high = high.add(a.max(b));
			} else {
				low = null;
				high = null;
			}
		}
		return table.sum(new Coefficients(polynomial.constant, List.copyOf(coefficients)), monomials, low, high);
	}
}
