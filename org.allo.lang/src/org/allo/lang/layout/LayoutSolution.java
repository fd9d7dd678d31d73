package org.allo.lang.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The layouts a {@link LayoutSolver} inferred, with the requirements behind them and the conflicts. */
public final class LayoutSolution {

	/** The layout of one dimension of a component and the requirements that produced it. */
	record Solved(DimLayout layout, List<Requirement> origins) {
	}

	/**
	 * Requirement {@code at} cannot meet requirement {@code other} (Block against Cyclic in strict
	 * mode); {@code order} is the position of {@code at} among the requirements solved.
	 */
	public record Conflict(int order, Requirement at, Requirement other) {
	}

	private final int[] component;
	private final Map<Long, Solved> solved;
	private final List<Conflict> conflicts;

	LayoutSolution(int[] component, Map<Long, Solved> solved, List<Conflict> conflicts) {
		this.component = component;
		this.solved = solved;
		this.conflicts = List.copyOf(conflicts);
	}

	public Layout layoutOf(LayoutVariable variable) {
		List<DimLayout> dims = new ArrayList<>();
		for (int dim = 1; dim <= variable.rank(); dim++) {
			Solved dimension = solved.get(LayoutSolver.key(component[variable.id()], dim));
			dims.add(dimension == null ? DimLayout.NONE : dimension.layout());
		}
		return new Layout(dims);
	}

	/** The requirements that gave dimension {@code dim} (from 1) its layout, in the order solved. */
	public List<Requirement> originsOf(LayoutVariable variable, int dim) {
		Solved dimension = solved.get(LayoutSolver.key(component[variable.id()], dim));
		return dimension == null ? List.of() : dimension.origins();
	}

	/** Whether a layout can flow between the two variables (they are joined by a path of edges). */
	public boolean joined(LayoutVariable a, LayoutVariable b) {
		return component[a.id()] == component[b.id()];
	}

	/** Conflicts in the order of the requirement they are reported at. */
	public List<Conflict> conflicts() {
		return conflicts;
	}
}
