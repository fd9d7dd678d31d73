package org.allo.lang.ide.format;

/**
 * A token of Allo source as the formatter sees it. {@code text} is verbatim (a triple-quoted
 * string may span lines); {@code line} is the 0-based physical line the token starts on.
 */
record SourceToken(Kind kind, String text, int line) {

	enum Kind {
		NAME, NUMBER, STRING, OPERATOR, COMMENT, CONTINUATION
	}

	boolean is(String value) {
		return kind != Kind.STRING && kind != Kind.COMMENT && text.equals(value);
	}

	boolean isOpening() {
		return is("(") || is("[") || is("{");
	}

	boolean isClosing() {
		return is(")") || is("]") || is("}");
	}
}
