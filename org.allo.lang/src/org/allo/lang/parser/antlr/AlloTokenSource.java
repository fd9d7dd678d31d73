package org.allo.lang.parser.antlr;

import static org.allo.lang.parser.antlr.internal.InternalAlloParser.*;

import org.allo.lang.parser.antlr.lexer.InternalAlloLexer;
import org.antlr.runtime.CharStream;
import org.antlr.runtime.TokenSource;

/** Python layout for the production parser: open blocks are closed at the end of the file. */
public class AlloTokenSource extends PythonLayoutTokenSource {

	private static final TokenTypes TYPES = new TokenTypes(RULE_NEWLINE, RULE_INDENT, RULE_DEDENT,
			RULE_ANNOTATION_QUOTE, RULE_NL, RULE_WS, RULE_SL_COMMENT, RULE_LINE_CONTINUATION, RULE_STRING, RULE_ID);

	public AlloTokenSource(TokenSource delegate) {
		super(delegate, TYPES, true);
	}

	@Override
	protected TokenSource createLexer(CharStream input) {
		return new InternalAlloLexer(input);
	}
}
