package org.allo.lang.layout;

/**
 * A layout the user asks for on one dimension of a variable (a {@code partition} step). Requirements
 * are numbered in the order they are added to a solver run; that order (not the order of edges)
 * decides which requirement a conflict is reported against.
 *
 * @param dim dimension, counted from 1
 * @param place where the requirement comes from, as a message shows it ({@code file:line})
 * @param source the element that made the requirement, for the caller to report on
 */
public record Requirement(LayoutVariable variable, int dim, DimLayout layout, String place, Object source) {

	public Requirement {
		if (dim < 1 || dim > variable.rank()) {
			throw new IllegalArgumentException("dimension " + dim + " outside 1.." + variable.rank() + " of " + variable);
		}
	}
}
