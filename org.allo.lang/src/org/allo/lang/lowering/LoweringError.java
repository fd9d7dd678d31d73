package org.allo.lang.lowering;

import org.allo.lang.validation.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/** A construct the lowering does not support yet; carried to the user as a diagnostic at its source. */
final class LoweringError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient Diagnostic diagnostic;

	LoweringError(EObject at, String code, String message) {
		super(message);
		ICompositeNode node = at == null ? null : NodeModelUtils.getNode(at);
		int line = node == null ? 1 : node.getStartLine();
		int column = node == null ? 1 : NodeModelUtils.getLineAndColumn(node, node.getOffset()).getColumn();
		this.diagnostic = new Diagnostic(line, column, Severity.ERROR, message, code);
	}

	Diagnostic diagnostic() {
		return diagnostic;
	}
}
