package org.allo.lang.interpreter;

/** A run-time error of the simulated program, reported at the source line of the failing statement. */
public final class SimulationError extends Exception {

	private static final long serialVersionUID = 1L;

	private final int line;

	public SimulationError(int line, String message) {
		super(message);
		this.line = line;
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
