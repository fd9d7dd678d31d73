package org.allo.lang.parser;

import java.util.Set;

import org.allo.lang.parser.antlr.LayoutErrorToken;
import org.allo.lang.parser.antlr.internal.InternalAlloParser;
import org.allo.lang.validation.IssueCodes;
import org.antlr.runtime.MismatchedTokenException;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenStream;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

import com.google.inject.Inject;

/**
 * Syntax errors in the user's terms: "expected ':'", "unexpected indent", "'for' is a reserved
 * keyword", instead of ANTLR's token names (RULE_NEWLINE, mismatched input ...).
 */
public class AlloSyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {

	private Set<String> keywords;

	@Inject
	void setGrammar(IGrammarAccess grammarAccess) {
		keywords = GrammarUtil.getAllKeywords(grammarAccess.getGrammar());
	}

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		RecognitionException exception = context.getRecognitionException();
		Token token = exception == null ? null : exception.token;
		if (token == null) {
			return lexerError(context.getDefaultMessage());
		}
		int type = token.getType();
		int expected = exception instanceof MismatchedTokenException mismatch ? mismatch.expecting : Token.INVALID_TOKEN_TYPE;
		if (type == InternalAlloParser.RULE_INDENT) {
			return new SyntaxErrorMessage("Unexpected indent: this line is indented more than the block it belongs to.",
					IssueCodes.SYNTAX_UNEXPECTED_INDENT);
		}
		if (expected == InternalAlloParser.RULE_INDENT) {
			return new SyntaxErrorMessage("Expected an indented block after ':'.", IssueCodes.SYNTAX_EXPECTED_INDENT);
		}
		String text = token.getText();
		if (text != null && keywords.contains(text) && Character.isLetter(text.charAt(0))
				&& (expected == InternalAlloParser.RULE_ID || expected <= Token.INVALID_TOKEN_TYPE
						&& (expectsName(context) || isBoundLikeAName(exception)))) {
			return new SyntaxErrorMessage("'" + text + "' is a reserved keyword and cannot be used as a name.",
					IssueCodes.SYNTAX_KEYWORD_AS_NAME);
		}
		if (expected > 0) {
			return new SyntaxErrorMessage("Expected " + describe(expected, context.getTokenNames()) + " but found "
					+ describe(token) + ".", IssueCodes.SYNTAX);
		}
		return new SyntaxErrorMessage("Unexpected " + describe(token).replaceFirst("^the ", "") + ".", IssueCodes.SYNTAX);
	}

	/** The lexer reports "Invalid token X": a layout error marker, or a character Allo does not use. */
	private static SyntaxErrorMessage lexerError(String message) {
		String[] layout = LayoutErrorToken.decode(message);
		if (layout != null) {
			return new SyntaxErrorMessage(layout[1], layout[0]);
		}
		String prefix = "Invalid token ";
		if (message == null || !message.startsWith(prefix)) {
			return new SyntaxErrorMessage(message, IssueCodes.SYNTAX);
		}
		String text = message.substring(prefix.length());
		String shown = text.isEmpty() ? "?" : String.format("U+%04X", text.codePointAt(0));
		return new SyntaxErrorMessage("Invalid character " + shown + " (" + printable(text) + "): remove it.",
				IssueCodes.SYNTAX_INVALID_CHARACTER);
	}

	private static String printable(String text) {
		return text.isEmpty() || Character.isISOControl(text.charAt(0)) || text.charAt(0) == '\uFFFD'
				? "not printable" : "'" + text.charAt(0) + "'";
	}

	/** {@code in = 3}, {@code lambda: int32}: a keyword in the place of a declared or assigned name. */
	private static boolean isBoundLikeAName(RecognitionException exception) {
		if (!(exception.input instanceof TokenStream tokens)) {
			return false;
		}
		for (int i = exception.index + 1; i < tokens.size(); i++) {
			Token next = tokens.get(i);
			if (next.getChannel() == Token.DEFAULT_CHANNEL) {
				String text = next.getText();
				return "=".equals(text) || ":".equals(text) || (text != null && text.length() == 2 && text.endsWith("="));
			}
		}
		return false;
	}

	private static boolean expectsName(IParserErrorContext context) {
		String message = context.getDefaultMessage();
		return message != null && message.contains("RULE_ID");
	}

	private String describe(Token token) {
		int type = token.getType();
		if (type == Token.EOF) {
			return "the end of the file";
		}
		if (type == InternalAlloParser.RULE_NEWLINE) {
			return "the end of the line";
		}
		if (type == InternalAlloParser.RULE_DEDENT) {
			return "the end of the block";
		}
		return "'" + token.getText() + "'";
	}

	private static String describe(int type, String[] tokenNames) {
		if (type == InternalAlloParser.RULE_NEWLINE) {
			return "the end of the line";
		} else if (type == InternalAlloParser.RULE_ID) {
			return "a name";
		} else if (type == InternalAlloParser.RULE_DEDENT) {
			return "the end of the block";
		} else if (type == InternalAlloParser.RULE_INT || type == InternalAlloParser.RULE_FLOAT) {
			return "a number";
		} else if (type == InternalAlloParser.RULE_STRING) {
			return "a string";
		} else if (type == Token.EOF) {
			return "the end of the file";
		}
		return tokenNames != null && type < tokenNames.length ? tokenNames[type] : "another token";
	}
}
