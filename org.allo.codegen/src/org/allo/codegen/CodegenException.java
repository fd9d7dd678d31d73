package org.allo.codegen;

/**
 * A design the generator cannot express yet (for example streams at the top level before dataflow
 * generation exists). The message says what is unsupported and what to do instead.
 */
public final class CodegenException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CodegenException(String message) {
		super(message);
	}
}
