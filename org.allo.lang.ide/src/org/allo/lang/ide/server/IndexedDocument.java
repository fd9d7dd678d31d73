package org.allo.lang.ide.server;

import org.eclipse.lsp4j.Position;
import org.eclipse.xtext.ide.server.Document;

/**
 * A document that turns offsets into positions through a {@link LineIndex}. Xtext's counts lines
 * from the start of the text on every call, and completion converts two offsets per proposal: in a
 * large file that was a third of each completion.
 */
final class IndexedDocument extends Document {

	private final LineIndex lines;

	IndexedDocument(Document document) {
		super(document.getVersion(), document.getContents(), document.isPrintSourceOnError());
		lines = new LineIndex(document.getContents());
	}

	@Override
	public Position getPosition(int offset) {
		if (offset < 0 || offset > getContents().length()) {
			throw new IndexOutOfBoundsException("offset " + offset + " outside a text of " + getContents().length() + " characters");
		}
		return new Position(lines.lineOf(offset), lines.columnOf(offset));
	}
}
