package org.allo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.allo.lang.layout.DimLayout;
import org.allo.lang.layout.LayoutGraph;
import org.allo.lang.layout.LayoutLattice;
import org.allo.lang.layout.LayoutSolution;
import org.allo.lang.layout.LayoutSolver;
import org.allo.lang.layout.LayoutVariable;
import org.allo.lang.layout.Requirement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Layout inference on a generated call graph of 10,000 kernels and 50,000 call edges (target:
 * at most 1 s): building the layout graph (two tensor parameters and a result per kernel; each
 * call joins an argument with a callee parameter) and solving it with 2,000 partition requirements.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LayoutInferenceBenchmark {

	private static final int KERNELS = 10_000;
	private static final int EDGES = 50_000;
	private static final int REQUIREMENTS = 2_000;
	private static final int SIZE = 64;

	/** Per edge: caller kernel, caller variable slot, callee kernel, callee slot (callers call later kernels). */
	private int[][] calls;
	/** Per requirement: kernel, slot, dimension, kind, factor. */
	private int[][] partitions;

	@Setup
	public void generate() {
		Random random = new Random(42);
		calls = new int[EDGES][];
		for (int e = 0; e < EDGES; e++) {
			int caller = random.nextInt(KERNELS - 1);
			int callee = caller + 1 + random.nextInt(Math.min(50, KERNELS - caller - 1));
			calls[e] = new int[] { caller, random.nextInt(3), callee, random.nextInt(3) };
		}
		partitions = new int[REQUIREMENTS][];
		for (int r = 0; r < REQUIREMENTS; r++) {
			partitions[r] = new int[] { random.nextInt(KERNELS), random.nextInt(3), 1 + random.nextInt(2),
					random.nextInt(DimLayout.Kind.values().length), 1 << random.nextInt(5) };
		}
	}

	@Benchmark
	public LayoutSolution infer() {
		LayoutGraph graph = new LayoutGraph();
		List<LayoutVariable> variables = new ArrayList<>(3 * KERNELS);
		for (int k = 0; k < KERNELS; k++) {
			String kernel = "k" + k;
			variables.add(graph.addVariable("A", kernel, LayoutVariable.Role.PARAMETER, SIZE, SIZE));
			variables.add(graph.addVariable("B", kernel, LayoutVariable.Role.PARAMETER, SIZE, SIZE));
			variables.add(graph.addVariable("result", kernel, LayoutVariable.Role.RESULT, SIZE, SIZE));
		}
		for (int[] call : calls) {
			graph.addEdge(variables.get(3 * call[0] + call[1]), variables.get(3 * call[2] + call[3]));
		}
		List<Requirement> requirements = new ArrayList<>(REQUIREMENTS);
		for (int[] p : partitions) {
			DimLayout layout = DimLayout.of(DimLayout.Kind.values()[p[3]], p[4], SIZE);
			requirements.add(new Requirement(variables.get(3 * p[0] + p[1]), p[2], layout, "bench:" + p[0], null));
		}
		return new LayoutSolver(new LayoutLattice(LayoutLattice.Mode.STRICT)).solve(graph, requirements);
	}
}
