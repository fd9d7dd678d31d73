package org.allo.lang.ide.format;

import java.util.ArrayList;
import java.util.List;

import org.allo.lang.ide.format.SourceToken.Kind;

/**
 * Splits Allo source into physical lines of tokens, keeping each line's leading whitespace. Only
 * used on text that parses, so it need not report errors: anything unknown is a one-character
 * operator.
 */
final class SourceTokenizer {

	/** One physical line: its leading whitespace and tokens, or blank. */
	record Line(String indent, List<SourceToken> tokens) {
		boolean isBlank() {
			return tokens.isEmpty();
		}
	}

	private static final String[] OPERATORS = { "**=", "//=", ">>=", "<<=", "...", "->", "**", "//", "<<", ">>", "<=",
			">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=" };

	private final String text;
	private int position;
	private int line;

	private SourceTokenizer(String text) {
		this.text = text;
	}

	static List<Line> lines(String text) {
		return new SourceTokenizer(text).lines();
	}

	private List<Line> lines() {
		List<Line> lines = new ArrayList<>();
		while (position < text.length()) {
			int start = position;
			while (position < text.length() && (text.charAt(position) == ' ' || text.charAt(position) == '\t'
					|| text.charAt(position) == '\f')) {
				position++;
			}
			String indent = text.substring(start, position);
			List<SourceToken> tokens = new ArrayList<>();
			while (position < text.length() && !atLineEnd()) {
				char c = text.charAt(position);
				if (c == ' ' || c == '\t' || c == '\f') {
					position++;
				} else {
					tokens.add(next());
				}
			}
			skipLineEnd();
			lines.add(new Line(indent, tokens));
			line++;
		}
		return lines;
	}

	private boolean atLineEnd() {
		char c = text.charAt(position);
		return c == '\n' || c == '\r';
	}

	private void skipLineEnd() {
		if (position < text.length() && text.charAt(position) == '\r') {
			position++;
		}
		if (position < text.length() && text.charAt(position) == '\n') {
			position++;
		}
	}

	private SourceToken next() {
		int start = position;
		int startLine = line;
		char c = text.charAt(position);
		Kind kind;
		if (c == '#') {
			while (position < text.length() && !atLineEnd()) {
				position++;
			}
			kind = Kind.COMMENT;
		} else if (c == '"' || c == '\'') {
			string(c);
			kind = Kind.STRING;
		} else if (c == '\\' && position + 1 < text.length() && (text.charAt(position + 1) == '\n' || text.charAt(position + 1) == '\r')) {
			position++;
			kind = Kind.CONTINUATION;
		} else if (Character.isDigit(c) || (c == '.' && position + 1 < text.length() && Character.isDigit(text.charAt(position + 1)))) {
			number();
			kind = Kind.NUMBER;
		} else if (Character.isLetter(c) || c == '_') {
			while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
				position++;
			}
			kind = Kind.NAME;
		} else {
			position += operatorLength();
			kind = Kind.OPERATOR;
		}
		return new SourceToken(kind, text.substring(start, position), startLine);
	}

	private void string(char quote) {
		String triple = String.valueOf(quote).repeat(3);
		if (text.startsWith(triple, position)) {
			int end = text.indexOf(triple, position + 3);
			int stop = end < 0 ? text.length() : end + 3;
			for (int i = position; i < stop; i++) {
				if (text.charAt(i) == '\n') {
					line++;
				}
			}
			position = stop;
			return;
		}
		position++;
		while (position < text.length() && text.charAt(position) != quote && !atLineEnd()) {
			position += text.charAt(position) == '\\' && position + 1 < text.length() ? 2 : 1;
		}
		if (position < text.length() && text.charAt(position) == quote) {
			position++;
		}
	}

	private void number() {
		boolean hex = text.startsWith("0x", position) || text.startsWith("0X", position);
		while (position < text.length()) {
			char c = text.charAt(position);
			boolean exponentSign = !hex && (c == '+' || c == '-') && isExponent(text.charAt(position - 1));
			if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || exponentSign) {
				position++;
			} else {
				return;
			}
		}
	}

	private static boolean isExponent(char c) {
		return c == 'e' || c == 'E';
	}

	private int operatorLength() {
		for (String operator : OPERATORS) {
			if (text.startsWith(operator, position)) {
				return operator.length();
			}
		}
		return 1;
	}
}
