package org.allo.lang.layout;

import java.util.Arrays;

/**
 * A tensor whose layout is inferred: a kernel parameter, a local buffer or a kernel result. Its
 * dimension sizes are {@link DimLayout#UNKNOWN_SIZE} where they are not constants.
 */
public final class LayoutVariable {

	/** What the variable stands for; used to describe it in messages. */
	public enum Role {
		PARAMETER("parameter"), LOCAL("variable"), RESULT("result");

		private final String label;

		Role(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	private final int id;
	private final String name;
	private final String kernel;
	private final Role role;
	private final int[] sizes;

	LayoutVariable(int id, String name, String kernel, Role role, int[] sizes) {
		this.id = id;
		this.name = name;
		this.kernel = kernel;
		this.role = role;
		this.sizes = sizes.clone();
	}

	/** Position in its graph, from 0 in creation order. */
	public int id() {
		return id;
	}

	public String name() {
		return name;
	}

	/** The kernel the variable belongs to. */
	public String kernel() {
		return kernel;
	}

	public Role role() {
		return role;
	}

	public int rank() {
		return sizes.length;
	}

	/** Size of dimension {@code dim}, counted from 1. */
	public int size(int dim) {
		return sizes[dim - 1];
	}

	/** "parameter X" / "variable tmp" / "result": the variable as seen from inside its kernel. */
	public String describe() {
		return role == Role.RESULT ? role.label() : role.label() + " " + name;
	}

	@Override
	public String toString() {
		return kernel + ":" + name + Arrays.toString(sizes);
	}
}
