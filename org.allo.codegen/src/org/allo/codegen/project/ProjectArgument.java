package org.allo.codegen.project;

/**
 * One argument of the top kernel as the host and testbench see it: its port name, C++ element type,
 * element count, whether it is an array port (pointer) or a scalar, and whether its data file is read
 * ({@code input}) and its golden file checked ({@code output}).
 */
public record ProjectArgument(int index, String name, String type, long count, boolean pointer, boolean input,
		boolean output) {

	/**
	 * The C++ variable that holds this argument in the testbench and the host program: prefixed, because a
	 * parameter name such as {@code gamma} or {@code kernel} would otherwise clash with libc or with the
	 * program's own locals.
	 */
	public String variable() {
		return "arg_" + name;
	}

	public String dataFile() {
		return "data/" + name + ".dat";
	}

	public String goldenFile() {
		return "data/" + name + ".golden.dat";
	}
}
