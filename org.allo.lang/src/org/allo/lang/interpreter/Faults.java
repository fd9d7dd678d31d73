package org.allo.lang.interpreter;

import java.util.Arrays;
import java.util.List;

/**
 * The run-time faults of a simulation, built in one place so that the interpreter and fast mode
 * ({@code org.allo.lang.fastsim}) report them with the same words. Line 0 means "the enclosing
 * statement's line", which the interpreter fills in.
 */
public final class Faults {

	/** Calls nested deeper than this are reported as probable unbounded recursion. */
	public static final int MAX_CALL_DEPTH = 1000;

	private Faults() {
	}

	public static SimulationError tooManySteps(int line, long maxSteps) {
		return new SimulationError(line, "the program did not finish within " + maxSteps
				+ " steps; check that every while loop's condition eventually becomes false");
	}

	public static SimulationError outOfBounds(int line, String buffer, List<Long> indices, long[] shape) {
		return new SimulationError(line, "index " + indices + " is out of bounds of '" + buffer + "' with shape "
				+ Arrays.toString(shape));
	}

	public static SimulationError divisionByZero(int line) {
		return new SimulationError(line, "division by zero");
	}

	public static SimulationError badShiftAmount(int line, Object distance) {
		return new SimulationError(line, "shift amount " + distance + " is negative or too large");
	}

	public static SimulationError badBitSlice(int line, long low, long high) {
		return new SimulationError(line, "bit slice [" + low + ":" + high + "] is empty or negative");
	}

	public static SimulationError callsTooDeep(int line) {
		return new SimulationError(line, "calls nest deeper than " + MAX_CALL_DEPTH + " (unbounded recursion?)");
	}

	public static SimulationError argumentCount(int line, String function, int expected, int actual) {
		return new SimulationError(line, function + " takes " + expected + " argument(s), got " + actual);
	}

	public static SimulationError argumentMismatch(int line, String parameter) {
		return new SimulationError(line, "argument for parameter '" + parameter + "' does not match its type");
	}

	public static SimulationError emptyStream(int line, String stream) {
		return new SimulationError(line, "stream '" + stream + "' is read while empty; in this"
				+ " sequential simulation its producer must put every value before the consumer gets it");
	}

	public static SimulationError streamOutOfBounds(int line, String stream, List<Long> indices, long[] shape) {
		return new SimulationError(line, "index " + indices + " is out of bounds of stream array '" + stream
				+ "' with shape " + Arrays.toString(shape));
	}

	/** The error with the line of the statement it happened in, unless it already carries one. */
	public static SimulationError atLine(SimulationError error, int line) {
		return error.line() == 0 && line != 0 ? error.at(line) : error;
	}
}
