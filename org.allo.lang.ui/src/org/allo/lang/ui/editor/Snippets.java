package org.allo.lang.ui.editor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LSP snippets ({@code split("${1:axis}", ${2:factor})$0}) as plain text for JFace, which has no
 * snippet support: placeholders keep their default text, and the caret goes to the first one.
 */
final class Snippets {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\d+):([^}]*)\\}|\\$(\\d+)");

	record Plain(String text, int caret) {
	}

	private Snippets() {
	}

	static Plain plain(String snippet) {
		StringBuilder text = new StringBuilder();
		int caret = -1;
		Matcher matcher = PLACEHOLDER.matcher(snippet);
		int last = 0;
		while (matcher.find()) {
			text.append(snippet, last, matcher.start());
			if (caret < 0) {
				caret = text.length();
			}
			if (matcher.group(2) != null) {
				text.append(matcher.group(2));
			}
			last = matcher.end();
		}
		text.append(snippet.substring(last));
		return new Plain(text.toString(), caret);
	}
}
