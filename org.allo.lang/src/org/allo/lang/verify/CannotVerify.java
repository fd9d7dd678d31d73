package org.allo.lang.verify;

/**
 * The symbolic execution cannot decide equivalence: control flow or an index depends on the inputs,
 * a construct is not modelled, or the time budget ran out ({@code timedOut}).
 */
public final class CannotVerify extends Exception {

	private static final long serialVersionUID = 1L;

	private final boolean timedOut;

	public CannotVerify(String reason) {
		this(reason, false);
	}

	CannotVerify(String reason, boolean timedOut) {
		super(reason);
		this.timedOut = timedOut;
	}

	public boolean timedOut() {
		return timedOut;
	}
}
