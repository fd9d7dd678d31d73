package org.allo.lang.npy;

/** A file that is not a .npy array {@link Npy} can read; the message says what is wrong with it. */
public final class NpyFormatException extends Exception {

	private static final long serialVersionUID = 1L;

	public NpyFormatException(String message) {
		super(message);
	}
}
