package org.allo.lang.ui.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Region;

/** The identifier around an offset: what a completion replaces and what a hover or link covers. */
final class Words {

	private Words() {
	}

	static int startOfIdentifier(IDocument document, int offset) {
		int start = offset;
		try {
			while (start > 0 && Character.isJavaIdentifierPart(document.getChar(start - 1))) {
				start--;
			}
		} catch (BadLocationException e) {
			return offset;
		}
		return start;
	}

	static IRegion identifierAt(IDocument document, int offset) {
		int start = startOfIdentifier(document, offset);
		int end = offset;
		try {
			while (end < document.getLength() && Character.isJavaIdentifierPart(document.getChar(end))) {
				end++;
			}
		} catch (BadLocationException e) {
			return new Region(offset, 0);
		}
		return new Region(start, end - start);
	}
}
