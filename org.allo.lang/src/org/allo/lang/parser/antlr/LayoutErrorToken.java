package org.allo.lang.parser.antlr;

import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;

/**
 * An error marker the layout pass puts where the layout is wrong (a tab, a dedent to no known
 * level, an unterminated string or bracket): zero-width, or covering the offending indentation.
 * It is hidden, so the parser goes on as if the layout were right, and invalid, so Xtext reports
 * it like a lexer error, asking {@link LayoutAwareTokenStream} for the message.
 */
public final class LayoutErrorToken extends CommonToken {

	private static final long serialVersionUID = 1L;

	/** Starts every message of a layout error: the syntax error provider splits off the code after it. */
	private static final String MARKER = "\u0000layout\u0000";

	private final String code;
	private final String message;

	public LayoutErrorToken(int start, int stop, String text, String code, String message) {
		super(Token.INVALID_TOKEN_TYPE, text);
		this.code = code;
		this.message = message;
		setChannel(Token.HIDDEN_CHANNEL);
		setStartIndex(start);
		setStopIndex(stop);
	}

	/** The lexer-error message standing for this token: its code and message, encoded. */
	String encoded() {
		return MARKER + code + "\u0000" + message;
	}

	/** The code and message of an encoded layout error, or null when the text is another lexer error. */
	public static String[] decode(String text) {
		if (text == null || !text.startsWith(MARKER)) {
			return null;
		}
		String rest = text.substring(MARKER.length());
		int separator = rest.indexOf('\u0000');
		return separator < 0 ? null : new String[] { rest.substring(0, separator), rest.substring(separator + 1) };
	}
}
