package org.allo.lang.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.allo.lang.layout.DimLayout.Kind;

/**
 * Solves a layout graph: every variable starts at {@code None} (top) or at the requirements on it,
 * and each edge sets both ends to their meet until nothing changes. Since every edge is an equality
 * constraint, that fixed point gives each variable the meet of all requirements in its connected
 * component; the solver finds the components with one worklist pass over the edges (linear in
 * variables plus edges) instead of iterating meets along edges, which could revisit a variable once
 * per lattice level. Requirements are met in the order given, so the result, and which requirement
 * a conflict names, does not depend on the order of the edges.
 */
public final class LayoutSolver {

	private static final LayoutLattice PERMISSIVE = new LayoutLattice(LayoutLattice.Mode.PERMISSIVE);

	private final LayoutLattice lattice;

	public LayoutSolver(LayoutLattice lattice) {
		this.lattice = lattice;
	}

	public LayoutSolution solve(LayoutGraph graph, List<Requirement> requirements) {
		int[] component = graph.components();
		Map<Long, List<Integer>> byComponentDim = new HashMap<>();
		for (int i = 0; i < requirements.size(); i++) {
			Requirement requirement = requirements.get(i);
			if (requirement.variable() != graph.variables().get(requirement.variable().id())) {
				throw new IllegalArgumentException("requirement on a variable of another graph: " + requirement);
			}
			byComponentDim.computeIfAbsent(key(component[requirement.variable().id()], requirement.dim()),
					k -> new ArrayList<>()).add(i);
		}
		Map<Long, LayoutSolution.Solved> solved = new HashMap<>();
		List<LayoutSolution.Conflict> conflicts = new ArrayList<>();
		byComponentDim.forEach((key, indices) -> {
			List<Requirement> group = indices.stream().map(requirements::get).toList();
			solved.put(key, meetAll(group));
			conflicts.addAll(conflictsIn(group, indices));
		});
		conflicts.sort(Comparator.comparingInt(LayoutSolution.Conflict::order));
		return new LayoutSolution(component, solved, conflicts);
	}

	static long key(int component, int dim) {
		return ((long) component << 32) | dim;
	}

	/**
	 * The meet of a component's requirements on one dimension, taken permissively when they conflict
	 * (the conflict itself is reported separately), with the requirements that produced it.
	 */
	private LayoutSolution.Solved meetAll(List<Requirement> group) {
		int size = group.get(0).variable().size(group.get(0).dim());
		DimLayout result = DimLayout.NONE;
		for (Requirement requirement : group) {
			Optional<DimLayout> meet = lattice.meet(result, requirement.layout(), size);
			result = meet.isPresent() ? meet.get() : PERMISSIVE.meet(result, requirement.layout(), size).orElseThrow();
		}
		List<Requirement> origins = new ArrayList<>();
		for (Requirement requirement : group) {
			if (requirement.layout().kind() != Kind.NONE) {
				origins.add(requirement);
			}
		}
		return new LayoutSolution.Solved(result, origins);
	}

	/** Every Block requirement against the first Cyclic one and vice versa, when they cannot meet. */
	private List<LayoutSolution.Conflict> conflictsIn(List<Requirement> group, List<Integer> order) {
		List<LayoutSolution.Conflict> conflicts = new ArrayList<>();
		if (lattice.mode() == LayoutLattice.Mode.PERMISSIVE) {
			return conflicts;
		}
		Requirement firstBlock = first(group, Kind.BLOCK);
		Requirement firstCyclic = first(group, Kind.CYCLIC);
		if (firstBlock == null || firstCyclic == null) {
			return conflicts;
		}
		for (int i = 0; i < group.size(); i++) {
			Requirement requirement = group.get(i);
			Kind kind = requirement.layout().kind();
			if (kind == Kind.BLOCK || kind == Kind.CYCLIC) {
				Requirement other = kind == Kind.BLOCK ? firstCyclic : firstBlock;
				conflicts.add(new LayoutSolution.Conflict(order.get(i), requirement, other));
			}
		}
		return conflicts;
	}

	private static Requirement first(List<Requirement> group, Kind kind) {
		for (Requirement requirement : group) {
			if (requirement.layout().kind() == kind) {
				return requirement;
			}
		}
		return null;
	}
}
