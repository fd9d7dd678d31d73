package org.allo.lang.tests.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.allo.lang.verify.InputRef;
import org.allo.lang.verify.Normaliser;
import org.allo.lang.verify.Operation;
import org.allo.lang.verify.TermTable;
import org.junit.jupiter.api.Test;

/** Hash-consing and canonical forms of the checker's terms. */
class TermTableTest {

	private static final Operation FLOAT_ADD = new Operation("float +", "float32 <- float32 float32", true);

	private final TermTable table = new TermTable();
	private final Normaliser exact = new Normaliser(table, false);
	private final Normaliser reassociating = new Normaliser(table, true);

	private int int32(int element) {
		return table.input(new InputRef(0, element, "A"), TermTable.minimum(32, true), TermTable.maximum(32, true));
	}

	private int float32(int element) {
		return table.input(new InputRef(1, element, "F"), null, null);
	}

	private int wrap32(int term) {
		return table.wrap(term, 32, true);
	}

	@Test
	void equalStructuresShareOneTerm() {
		int x = int32(0);
		int y = int32(1);
		int first = table.multiply(table.add(x, y), x);
		int size = table.size();
		int second = table.multiply(table.add(x, y), x);
		assertEquals(first, second);
		assertEquals(size, table.size(), "building the same term again must not add terms");
		assertEquals(x, int32(0), "an input element is one term");
	}

	@Test
	void integerAdditionIsCommutativeAndAssociative() {
		int x = int32(0);
		int y = int32(1);
		int z = int32(2);
		assertEquals(table.add(x, y), table.add(y, x));
		int left = wrap32(table.add(wrap32(table.add(x, y)), z));
		int right = wrap32(table.add(x, wrap32(table.add(y, z))));
		assertNotEquals(left, right, "the raw terms differ");
		assertEquals(exact.canonical(left), exact.canonical(right));
	}

	@Test
	void wrapsOnlyVanishUnderANarrowerOrEqualWrap() {
		int x = int32(0);
		int y = int32(1);
		int narrow = wrap32(table.add(table.wrap(table.add(x, y), 8, true), y));
		int wide = wrap32(table.add(table.add(x, y), y));
		assertNotEquals(exact.canonical(narrow), exact.canonical(wide), "an 8-bit wrap inside a 32-bit one is real");
		int wider = table.wrap(table.add(wrap32(table.add(x, y)), y), 16, true);
		assertEquals(exact.canonical(wider), exact.canonical(table.wrap(table.add(table.add(x, y), y), 16, true)));
	}

	@Test
	void coefficientsAreTakenModuloTheWidth() {
		int x = int32(0);
		int twice = wrap32(table.multiply(x, table.exact(BigInteger.TWO)));
		int shifted = wrap32(table.multiply(x, table.exact(BigInteger.TWO.add(BigInteger.ONE.shiftLeft(32)))));
		assertEquals(exact.canonical(twice), exact.canonical(shifted), "2x and (2 + 2^32)x agree modulo 2^32");
	}

	@Test
	void productsDistributeOverSums() {
		int x = int32(0);
		int y = int32(1);
		int z = int32(2);
		int factored = table.multiply(x, table.add(y, z));
		int expanded = table.add(table.multiply(x, y), table.multiply(z, x));
		assertEquals(exact.canonical(factored), exact.canonical(expanded));
		assertNotEquals(exact.canonical(factored), exact.canonical(table.add(table.multiply(x, y), z)));
	}

	@Test
	void floatAdditionCommutesButDoesNotReassociateUnlessAsked() {
		int a = float32(0);
		int b = float32(1);
		int c = float32(2);
		assertEquals(add(a, b), add(b, a), "IEEE addition is commutative");
		int left = add(add(a, b), c);
		int right = add(a, add(b, c));
		assertNotEquals(exact.canonical(left), exact.canonical(right), "rounding depends on the grouping");
		assertEquals(reassociating.canonical(left), reassociating.canonical(right));
	}

	private int add(int a, int b) {
		return table.apply(FLOAT_ADD, null, null, a, b);
	}

	@Test
	void dotProductsInAnyOrderHaveOneCanonicalForm() {
		List<Integer> order = new ArrayList<>();
		for (int k = 0; k < 64; k++) {
			order.add(k);
		}
		int forwards = dot(order);
		Collections.shuffle(order, new Random(7));
		int shuffled = dot(order);
		assertNotEquals(forwards, shuffled);
		assertEquals(exact.canonical(forwards), exact.canonical(shuffled));
		order.remove(0);
		assertNotEquals(exact.canonical(forwards), exact.canonical(dot(order)), "a missing product must show");
	}

	/** sum over k of A[k] * B[k], accumulated into an int32 in the given order, as lowered GEMMs do. */
	private int dot(List<Integer> order) {
		int acc = table.exact(BigInteger.ZERO);
		for (int k : order) {
			int product = table.multiply(int32(k), table.input(new InputRef(2, k, "B"), TermTable.minimum(32, true),
					TermTable.maximum(32, true)));
			acc = wrap32(table.add(acc, product));
		}
		return acc;
	}
}
