package org.allo.lang.lowering;

import org.allo.lang.validation.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.diagnostics.Severity;

/** A construct the lowering does not support yet; carried to the user as a diagnostic at its source. */
final class LoweringError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient Diagnostic diagnostic;

	LoweringError(EObject at, String code, String message) {
		super(message);
		this.diagnostic = Diagnostic.at(at, Severity.ERROR, message, code);
	}

	Diagnostic diagnostic() {
		return diagnostic;
	}
}
