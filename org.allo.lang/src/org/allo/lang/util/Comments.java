package org.allo.lang.util;

/** Allo source text without its {@code #} comments, for comparing versions of a file by what they say. */
public final class Comments {

	private Comments() {
	}

	/**
	 * The text with every comment removed up to its line end (line breaks stay, so lines keep their
	 * numbers); a {@code #} inside a string literal (single, double or triple quoted) is not a comment.
	 */
	public static String strip(String source) {
		StringBuilder result = new StringBuilder(source.length());
		int i = 0;
		while (i < source.length()) {
			char c = source.charAt(i);
			if (c == '#') {
				i = lineEnd(source, i);
			} else if (c == '"' || c == '\'') {
				int end = stringEnd(source, i);
				result.append(source, i, end);
				i = end;
			} else {
				result.append(c);
				i++;
			}
		}
		return result.toString();
	}

	private static int lineEnd(String source, int from) {
		int newline = source.indexOf('\n', from);
		return newline < 0 ? source.length() : newline;
	}

	/** The offset after the string literal starting at {@code start} (the end of the text when it is unclosed). */
	private static int stringEnd(String source, int start) {
		char quote = source.charAt(start);
		boolean triple = source.startsWith(String.valueOf(quote).repeat(3), start);
		String closing = triple ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
		int i = start + closing.length();
		while (i < source.length()) {
			char c = source.charAt(i);
			if (c == '\\') {
				i += 2;
			} else if (source.startsWith(closing, i)) {
				return i + closing.length();
			} else if (c == '\n' && !triple) {
				return i;
			} else {
				i++;
			}
		}
		return source.length();
	}
}
