package org.allo.lang.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The layout type of a tensor: one {@link DimLayout} per dimension, outermost first. */
public record Layout(List<DimLayout> dims) {

	public Layout {
		dims = List.copyOf(dims);
	}

	/** The unpartitioned layout of a tensor of the given rank. */
	public static Layout none(int rank) {
		return new Layout(Collections.nCopies(rank, DimLayout.NONE));
	}

	public int rank() {
		return dims.size();
	}

	/** Dimension {@code dim}, counted from 1 as {@code partition(dim=...)} counts. */
	public DimLayout dim(int dim) {
		return dims.get(dim - 1);
	}

	public Layout with(int dim, DimLayout layout) {
		List<DimLayout> copy = new ArrayList<>(dims);
		copy.set(dim - 1, layout);
		return new Layout(copy);
	}

	public boolean isNone() {
		return dims.stream().allMatch(DimLayout.NONE::equals);
	}

	@Override
	public String toString() {
		return dims.toString();
	}
}
