package org.allo.lang.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Layout variables and the edges that force two of them to one layout: a call argument and the
 * callee's parameter, a call result and the variable it is assigned to, a kernel's result and the
 * buffer it returns. Edges are undirected: a layout flows to callers and callees alike.
 */
public final class LayoutGraph {

	private final List<LayoutVariable> variables = new ArrayList<>();
	private int[] edgeEnds = new int[16];
	private int edgeCount;

	public LayoutVariable addVariable(String name, String kernel, LayoutVariable.Role role, int... sizes) {
		LayoutVariable variable = new LayoutVariable(variables.size(), name, kernel, role, sizes);
		variables.add(variable);
		return variable;
	}

	/**
	 * Joins two variables of this graph.
	 *
	 * @throws IllegalArgumentException when their ranks differ (a shape error, reported elsewhere)
	 */
	public void addEdge(LayoutVariable a, LayoutVariable b) {
		if (a.rank() != b.rank()) {
			throw new IllegalArgumentException("cannot join " + a + " and " + b + ": ranks differ");
		}
		if (variables.get(a.id()) != a || variables.get(b.id()) != b) {
			throw new IllegalArgumentException("variable of another graph");
		}
		if (2 * edgeCount + 2 > edgeEnds.length) {
			edgeEnds = Arrays.copyOf(edgeEnds, edgeEnds.length * 2);
		}
		edgeEnds[2 * edgeCount] = a.id();
		edgeEnds[2 * edgeCount + 1] = b.id();
		edgeCount++;
	}

	public List<LayoutVariable> variables() {
		return Collections.unmodifiableList(variables);
	}

	public int edgeCount() {
		return edgeCount;
	}

	/** Endpoint ids of edge {@code e}: {@code [2e]} and {@code [2e+1]}. */
	int[] edgeEnds() {
		return edgeEnds;
	}
}
