package org.allo.lang.ui.server;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Position;

/** Between JFace offsets and LSP line/character positions (both count UTF-16 units). */
public final class Positions {

	private Positions() {
	}

	public static int offsetOf(IDocument document, Position position) throws BadLocationException {
		return document.getLineOffset(position.getLine()) + position.getCharacter();
	}

	public static Position positionOf(IDocument document, int offset) throws BadLocationException {
		int line = document.getLineOfOffset(offset);
		return new Position(line, offset - document.getLineOffset(line));
	}
}
