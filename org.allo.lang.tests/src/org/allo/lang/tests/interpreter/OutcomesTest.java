package org.allo.lang.tests.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import org.allo.lang.interpreter.Outcomes;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.Tensor;
import org.junit.jupiter.api.Test;

class OutcomesTest {

	@Test
	void integersMustMatchBitForBitAndTheFirstDifferenceIsNamed() {
		Tensor expected = Tensor.ofLongs(new long[] { 2, 3 }, 1, 2, 3, 4, 5, 6);
		Tensor actual = Tensor.ofLongs(new long[] { 2, 3 }, 1, 2, 3, 4, 9, 7);
		assertEquals(Optional.of("C[1, 1]: expected 5, got 9"), Outcomes.firstDifference(List.of("C"), List.of(expected), List.of(actual)));
		assertEquals(Optional.empty(), Outcomes.firstDifference(List.of("C"), List.of(expected), List.of(expected.copy())));
	}

	@Test
	void fixedPointComparesValuesAcrossScales() {
		Scalar half = new Scalar.Exact(BigInteger.ONE, 1);
		Scalar sameHalf = new Scalar.Exact(BigInteger.TWO, 2);
		Scalar quarter = new Scalar.Exact(BigInteger.ONE, 2);
		assertEquals(Optional.empty(), Outcomes.firstDifference(List.of("x"), List.of(half), List.of(sameHalf)));
		assertEquals(Optional.of("x: expected 0.5, got 0.25"), Outcomes.firstDifference(List.of("x"), List.of(half), List.of(quarter)));
	}

	@Test
	void floatsMayDifferByRoundingOnly() {
		assertEquals(Optional.empty(), Outcomes.firstDifference(List.of("s"), List.of(Scalar.of(1.0)), List.of(Scalar.of(1.0 + 1e-7))));
		assertEquals(Optional.of("s: expected 1.0, got 1.001"),
				Outcomes.firstDifference(List.of("s"), List.of(Scalar.of(1.0)), List.of(Scalar.of(1.001))));
	}
}
