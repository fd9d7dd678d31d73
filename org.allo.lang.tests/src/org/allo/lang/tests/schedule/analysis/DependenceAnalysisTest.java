package org.allo.lang.tests.schedule.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrModule;
import org.allo.lang.schedule.analysis.Dependence;
import org.allo.lang.schedule.analysis.DependenceAnalysis;
import org.allo.lang.tests.schedule.Kernels;
import org.junit.jupiter.api.Test;

class DependenceAnalysisTest {

	private static List<String> described(String body, String outerLoop) {
		IrModule module = Kernels.lower(body, "k");
		return DependenceAnalysis.of(Kernels.loop(module, outerLoop)).dependences().stream().map(Dependence::describe).toList();
	}

	@Test
	void elementwiseAddHasNoLoopCarriedDependence() {
		assertEquals(List.of(), described("""
				def k(A: int32[8, 8]) -> int32[8, 8]:
				    B: int32[8, 8] = 0
				    for i, j in allo.grid(8, 8):
				        B[i, j] = A[i, j] + 1
				    return B
				""", "i"));
	}

	@Test
	void gemmAccumulationIsCarriedByTheReductionLoopOnly() {
		IrModule module = Kernels.lower("""
				def k(A: int32[8, 8], B: int32[8, 8]) -> int32[8, 8]:
				    C: int32[8, 8] = 0
				    for i, j in allo.grid(8, 8):
				        for r in allo.reduction(8):
				            C[i, j] += A[i, r] * B[r, j]
				    return C
				""", "k");
		DependenceAnalysis analysis = DependenceAnalysis.of(Kernels.loop(module, "i"));
		assertTrue(analysis.carriedBy(Kernels.loop(module, "i")).isEmpty());
		assertTrue(analysis.carriedBy(Kernels.loop(module, "j")).isEmpty());
		List<Dependence> carried = analysis.carriedBy(Kernels.loop(module, "r"));
		assertFalse(carried.isEmpty());
		assertTrue(carried.stream().allMatch(Dependence::reduction));
		assertTrue(carried.stream().map(Dependence::describe).anyMatch(
				text -> text.equals("flow dependence from C[i, j] (line 8) to C[i, j] (line 8), direction (=, =, <) over (i, j, r)")),
				carried.stream().map(Dependence::describe).toList().toString());
	}

	@Test
	void shiftedReadGivesDistanceOneOnTheOuterLoop() {
		assertEquals(List.of("flow dependence from A[index(Int(34)(i) + 1), j] (line 6) to A[i, j] (line 6), direction (1, =) over (i, j)"),
				described("""
						def k(A: int32[9, 8]):
						    for i, j in allo.grid(8, 8):
						        A[i + 1, j] = A[i, j] + 1
						""", "i"));
	}

	@Test
	void antiDependenceAlongTheInnerLoop() {
		assertEquals(List.of("anti dependence from A[i, index(Int(34)(j) + 1)] (line 6) to A[i, j] (line 6), direction (=, 1) over (i, j)"),
				described("""
						def k(A: int32[8, 9]):
						    for i, j in allo.grid(8, 8):
						        A[i, j] = A[i, j + 1] * 2
						""", "i"));
	}

	@Test
	void wavefrontHasDirectionLessGreater() {
		assertEquals(List.of("flow dependence from A[index(Int(34)(i) + 1), index(Int(34)(j) - 1)] (line 6) to A[i, j] (line 6), direction (1, -1) over (i, j)"),
				described("""
						def k(A: int32[9, 9]):
						    for i, j in allo.grid(8, 8):
						        A[i + 1, j - 1] = A[i, j]
						""", "i"));
	}

	@Test
	void disjointHalvesAreIndependentByBounds() {
		assertEquals(List.of(), described("""
				def k(A: int32[16]):
				    for i in range(8):
				        A[i + 8] = A[i] + 1
				""", "i"));
	}

	@Test
	void evenAndOddElementsAreIndependentByGcd() {
		assertEquals(List.of(), described("""
				def k(A: int32[16]):
				    for i in range(8):
				        A[2 * i] = A[2 * i + 1]
				""", "i"));
	}

	@Test
	void scalarAccumulatorDependsAcrossEveryIteration() {
		List<String> dependences = described("""
				def k(A: int32[8]) -> int32:
				    s: int32 = 0
				    for i in range(8):
				        s = s + A[i]
				    return s
				""", "i");
		assertTrue(dependences.contains("flow dependence from s (line 7) to s (line 7), direction (<) over (i)"), dependences.toString());
	}

	@Test
	void scalarDeclaredInTheBodyIsPrivateToEachIteration() {
		assertEquals(List.of("flow dependence from t (line 6) to t (line 7), direction (=) over (i)"), described("""
				def k(A: int32[8]):
				    for i in range(8):
				        t: int32 = A[i] * 2
				        A[i] = t
				""", "i").stream().filter(d -> d.contains(" t ")).toList());
	}

	@Test
	void nonAffineSubscriptMayDependInEveryDirection() {
		IrModule module = Kernels.lower("""
				def k(A: int32[8], B: int32[8]):
				    for i in range(8):
				        A[B[i]] = A[i] + 1
				""", "k");
		IrFor i = Kernels.loop(module, "i");
		assertFalse(DependenceAnalysis.of(i).carriedBy(i).isEmpty());
	}
}
