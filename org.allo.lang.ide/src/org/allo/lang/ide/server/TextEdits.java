package org.allo.lang.ide.server;

import java.util.List;

import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;

/** Edits that turn a document's text into another text. */
final class TextEdits {

	private TextEdits() {
	}

	/** One edit replacing the part between the common prefix and suffix; none when equal. */
	static List<TextEdit> between(Document document, String target) {
		String source = document.getContents();
		if (source.equals(target)) {
			return List.of();
		}
		int prefix = 0;
		int limit = Math.min(source.length(), target.length());
		while (prefix < limit && source.charAt(prefix) == target.charAt(prefix)) {
			prefix++;
		}
		int suffix = 0;
		while (suffix < limit - prefix
				&& source.charAt(source.length() - 1 - suffix) == target.charAt(target.length() - 1 - suffix)) {
			suffix++;
		}
		Range range = new Range(document.getPosition(prefix), document.getPosition(source.length() - suffix));
		return List.of(new TextEdit(range, target.substring(prefix, target.length() - suffix)));
	}
}
