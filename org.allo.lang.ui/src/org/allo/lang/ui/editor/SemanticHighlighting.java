package org.allo.lang.ui.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.presentation.PresentationReconciler;

/**
 * Highlighting of {@code .allo} files from the server's semantic tokens, the same tokens VS Code
 * colours, so a name looks the same wherever it is shown.
 */
public final class SemanticHighlighting extends PresentationReconciler {

	public SemanticHighlighting() {
		SemanticTokenRepairer repairer = new SemanticTokenRepairer();
		setDamager(repairer, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(repairer, IDocument.DEFAULT_CONTENT_TYPE);
	}
}
