package org.allo.lang.conversion;

/** Python's escape sequences in string literals (the subset kernels and build options use). */
public final class PythonStrings {

	private PythonStrings() {
	}

	public static String unescape(String body) {
		if (body.indexOf('\\') < 0) {
			return body;
		}
		StringBuilder result = new StringBuilder(body.length());
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (c != '\\' || i + 1 == body.length()) {
				result.append(c);
				continue;
			}
			char next = body.charAt(++i);
			switch (next) {
			case 'n' -> result.append('\n');
			case 't' -> result.append('\t');
			case 'r' -> result.append('\r');
			case '0' -> result.append('\0');
			case '\\', '\'', '"' -> result.append(next);
			case '\n' -> {
			}
			case 'x' -> i = appendCodePoint(body, i, 2, result);
			case 'u' -> i = appendCodePoint(body, i, 4, result);
			default -> result.append('\\').append(next);
			}
		}
		return result.toString();
	}

	/** Appends the character of the hex digits after position {@code at}; returns the last index used. */
	private static int appendCodePoint(String body, int at, int digits, StringBuilder result) {
		int end = at + 1 + digits;
		if (end <= body.length()) {
			try {
				result.appendCodePoint(Integer.parseInt(body.substring(at + 1, end), 16));
				return end - 1;
			} catch (NumberFormatException e) {
				// not an escape after all: Python would reject it, we keep the text as written
			}
		}
		result.append('\\').append(body.charAt(at));
		return at;
	}

	public static String escape(String value) {
		StringBuilder result = new StringBuilder(value.length() + 2);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
			case '\n' -> result.append("\\n");
			case '\t' -> result.append("\\t");
			case '\r' -> result.append("\\r");
			case '\\' -> result.append("\\\\");
			case '"' -> result.append("\\\"");
			default -> result.append(c);
			}
		}
		return result.toString();
	}
}
