package org.allo.lang.verify;

import java.util.List;

/**
 * Concrete inputs on which the interpreter computes different outputs for the two programs:
 * {@code arguments} as passed to {@code Interpreter.call} (Scalars and Tensors, to be copied before
 * a run since tensors are passed by reference), {@code inputs} as {@code NAME = value} texts, and
 * the first differing output element with its value in each program.
 */
public record Counterexample(List<Object> arguments, List<String> inputs, String place, String before, String after) {

	/** Two lines: the inputs, then the first differing element. */
	public String describe() {
		return "inputs: " + String.join(", ", inputs) + "\nfirst difference: " + place + " is " + before + " before and " + after
				+ " after";
	}

	/** {@code [1, 2]} for element 6 of a 4x4 tensor, empty for a scalar. */
	static String indexText(long[] shape, int element) {
		if (shape.length == 0) {
			return "";
		}
		long[] indices = new long[shape.length];
		long rest = element;
		for (int d = shape.length - 1; d >= 0; d--) {
			indices[d] = rest % shape[d];
			rest /= shape[d];
		}
		StringBuilder text = new StringBuilder("[");
		for (int d = 0; d < indices.length; d++) {
			text.append(d == 0 ? "" : ", ").append(indices[d]);
		}
		return text.append(']').toString();
	}
}
