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
	/** Endpoint ids of edge {@code e}: {@code [2e]} and {@code [2e+1]}. */
	private int[] edgeEnds = new int[16];
	private int edgeCount;
	private int[] components;

	public LayoutVariable addVariable(String name, String kernel, LayoutVariable.Role role, int... sizes) {
		LayoutVariable variable = new LayoutVariable(variables.size(), name, kernel, role, sizes);
		variables.add(variable);
		components = null;
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
		components = null;
	}

	public List<LayoutVariable> variables() {
		return Collections.unmodifiableList(variables);
	}

	public int edgeCount() {
		return edgeCount;
	}

	/**
	 * Each variable's component, labelled with the smallest id in it. Computed once for the graph as
	 * it is (every schedule of a module is solved over the same graph), again after it grows; callers
	 * must not change the array.
	 */
	int[] components() {
		if (components == null) {
			components = labelComponents();
		}
		return components;
	}

	/** Labels components by a worklist over adjacency lists (linear in variables plus edges). */
	private int[] labelComponents() {
		int n = variables.size();
		int edges = edgeCount;
		int[] ends = edgeEnds;
		int[] start = new int[n + 1];
		for (int i = 0; i < 2 * edges; i++) {
			start[ends[i] + 1]++;
		}
		for (int v = 0; v < n; v++) {
			start[v + 1] += start[v];
		}
		int[] fill = start.clone();
		int[] neighbours = new int[2 * edges];
		for (int e = 0; e < edges; e++) {
			neighbours[fill[ends[2 * e]]++] = ends[2 * e + 1];
			neighbours[fill[ends[2 * e + 1]]++] = ends[2 * e];
		}
		int[] component = new int[n];
		Arrays.fill(component, -1);
		int[] worklist = new int[n];
		for (int root = 0; root < n; root++) {
			if (component[root] >= 0) {
				continue;
			}
			component[root] = root;
			int head = 0;
			int tail = 0;
			worklist[tail++] = root;
			while (head < tail) {
				int v = worklist[head++];
				for (int i = start[v]; i < start[v + 1]; i++) {
					int w = neighbours[i];
					if (component[w] < 0) {
						component[w] = root;
						worklist[tail++] = w;
					}
				}
			}
		}
		return component;
	}
}
