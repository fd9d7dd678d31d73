package org.allo.lang.interpreter;

/** A run-time error of the simulated program, reported at the source line of the failing statement. */
public final class SimulationError extends Exception {

	private static final long serialVersionUID = 1L;

	private final int line;
	private final boolean deadlock;

	public SimulationError(int line, String message) {
		this(line, message, false);
	}

	private SimulationError(int line, String message, boolean deadlock) {
		super(message);
		this.line = line;
		this.deadlock = deadlock;
	}

	/** The kernel instances of a dataflow region wait on each other forever. */
	static SimulationError deadlock(String message) {
		return new SimulationError(0, message, true);
	}

	/** The same error reported at {@code line}. */
	SimulationError at(int line) {
		return new SimulationError(line, getMessage(), deadlock);
	}

	public boolean isDeadlock() {
		return deadlock;
	}

	/** The source line of the statement that failed (0 when the IR carries no line). */
	public int line() {
		return line;
	}

	/** {@code line N: message}, the text shown to the user. */
	public String describe() {
		return "line " + line + ": " + getMessage();
	}
}
