package org.allo.lang.fastsim;

/**
 * Something fast mode does not compile. The whole module then runs in the interpreter, and the message
 * (the reason) is reported to the user, so it names the construct and, where there is one, its line.
 */
final class Unsupported extends Exception {

	private static final long serialVersionUID = 1L;

	Unsupported(String reason) {
		super(reason, null, false, false);
	}
}
