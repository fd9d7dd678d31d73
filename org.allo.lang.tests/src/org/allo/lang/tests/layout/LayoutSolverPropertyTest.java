package org.allo.lang.tests.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.allo.lang.layout.DimLayout;
import org.allo.lang.layout.DimLayout.Kind;
import org.allo.lang.layout.LayoutGraph;
import org.allo.lang.layout.LayoutLattice;
import org.allo.lang.layout.LayoutLattice.Mode;
import org.allo.lang.layout.LayoutSolution;
import org.allo.lang.layout.LayoutSolver;
import org.allo.lang.layout.LayoutVariable;
import org.allo.lang.layout.Requirement;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The solver's result (every variable's layout, and which requirements conflict with which) is
 * the same whatever the order of the edges, and every variable gets the meet of the requirements
 * that can reach it.
 */
class LayoutSolverPropertyTest {

	private static final int SIZE = 24;

	/** A random graph: variables of rank 2, random edges between them, random requirements. */
	private record Problem(int variables, int[][] edges, List<int[]> requirements) {
	}

	private static Problem problem(long seed, int variables, int edges, int requirements) {
		Random random = new Random(seed);
		int[][] edgeList = new int[edges][];
		for (int e = 0; e < edges; e++) {
			edgeList[e] = new int[] { random.nextInt(variables), random.nextInt(variables) };
		}
		List<int[]> requirementList = new ArrayList<>();
		for (int r = 0; r < requirements; r++) {
			requirementList.add(new int[] { random.nextInt(variables), 1 + random.nextInt(2), random.nextInt(4),
					1 + random.nextInt(SIZE + 1) });
		}
		return new Problem(variables, edgeList, requirementList);
	}

	private static String solve(Problem problem, List<int[]> edgeOrder, Mode mode) {
		LayoutGraph graph = new LayoutGraph();
		List<LayoutVariable> variables = new ArrayList<>();
		for (int v = 0; v < problem.variables(); v++) {
			variables.add(graph.addVariable("v" + v, "k" + v % 5, LayoutVariable.Role.LOCAL, SIZE, SIZE));
		}
		for (int[] edge : edgeOrder) {
			graph.addEdge(variables.get(edge[0]), variables.get(edge[1]));
		}
		List<Requirement> requirements = new ArrayList<>();
		for (int[] r : problem.requirements()) {
			DimLayout layout = DimLayout.of(Kind.values()[r[2]], r[3], SIZE);
			requirements.add(new Requirement(variables.get(r[0]), r[1], layout, "req" + requirements.size(), null));
		}
		LayoutSolution solution = new LayoutSolver(new LayoutLattice(mode)).solve(graph, requirements);
		StringBuilder result = new StringBuilder();
		for (LayoutVariable variable : variables) {
			result.append(variable.name()).append('=').append(solution.layoutOf(variable)).append('\n');
		}
		for (LayoutSolution.Conflict conflict : solution.conflicts()) {
			result.append(conflict.at().place()).append(" x ").append(conflict.other().place()).append('\n');
		}
		return result.toString();
	}

	@Property(tries = 200)
	void resultDoesNotDependOnEdgeOrder(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int variables,
			@ForAll @IntRange(min = 0, max = 60) int edges, @ForAll @IntRange(min = 0, max = 12) int requirements) {
		Problem problem = problem(seed, variables, edges, requirements);
		List<int[]> shuffled = new ArrayList<>(List.of(problem.edges()));
		Collections.shuffle(shuffled, new Random(seed ^ 0x5DEECE66DL));
		List<int[]> reversed = new ArrayList<>();
		for (int[] edge : shuffled) {
			reversed.add(new int[] { edge[1], edge[0] });
		}
		for (Mode mode : Mode.values()) {
			String expected = solve(problem, List.of(problem.edges()), mode);
			assertEquals(expected, solve(problem, shuffled, mode));
			assertEquals(expected, solve(problem, reversed, mode));
		}
	}

	@Property(tries = 200)
	void everyVariableGetsTheMeetOfTheRequirementsItCanReach(@ForAll long seed,
			@ForAll @IntRange(min = 1, max = 20) int variables, @ForAll @IntRange(min = 0, max = 30) int edges,
			@ForAll @IntRange(min = 0, max = 10) int requirements) {
		Problem problem = problem(seed, variables, edges, requirements);
		LayoutLattice permissive = new LayoutLattice(Mode.PERMISSIVE);
		String solved = solve(problem, List.of(problem.edges()), Mode.PERMISSIVE);
		StringBuilder expected = new StringBuilder();
		for (int v = 0; v < variables; v++) {
			boolean[] reach = reachable(problem, v);
			List<DimLayout> dims = new ArrayList<>();
			for (int dim = 1; dim <= 2; dim++) {
				DimLayout meet = DimLayout.NONE;
				for (int[] r : problem.requirements()) {
					if (reach[r[0]] && r[1] == dim) {
						meet = permissive.meet(meet, DimLayout.of(Kind.values()[r[2]], r[3], SIZE), SIZE).orElseThrow();
					}
				}
				dims.add(meet);
			}
			expected.append("v").append(v).append('=').append(dims).append('\n');
		}
		assertEquals(expected.toString(), solved);
	}

	/** Which variables share a path of edges with {@code start}, by repeated relaxation (independent of the solver). */
	private static boolean[] reachable(Problem problem, int start) {
		boolean[] reach = new boolean[problem.variables()];
		reach[start] = true;
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int[] edge : problem.edges()) {
				if (reach[edge[0]] != reach[edge[1]]) {
					reach[edge[0]] = true;
					reach[edge[1]] = true;
					changed = true;
				}
			}
		}
		return reach;
	}
}
