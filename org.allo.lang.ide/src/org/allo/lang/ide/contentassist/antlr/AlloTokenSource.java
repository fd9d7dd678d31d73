package org.allo.lang.ide.contentassist.antlr;

import static org.allo.lang.ide.contentassist.antlr.internal.InternalAlloParser.*;

import org.allo.lang.ide.contentassist.antlr.lexer.InternalAlloLexer;
import org.allo.lang.parser.antlr.PythonLayoutTokenSource;
import org.antlr.runtime.CharStream;
import org.antlr.runtime.TokenSource;

/**
 * Python layout for content assist. The text ends at the cursor, so blocks are left open there:
 * closing them would make the parser think the statement being typed is complete.
 */
public class AlloTokenSource extends PythonLayoutTokenSource {

	private static final TokenTypes TYPES = new TokenTypes(RULE_NEWLINE, RULE_INDENT, RULE_DEDENT,
			RULE_ANNOTATION_QUOTE, RULE_NL, RULE_WS, RULE_SL_COMMENT, RULE_LINE_CONTINUATION, RULE_STRING, RULE_ID);

	public AlloTokenSource(TokenSource delegate) {
		super(delegate, TYPES, false);
	}

	@Override
	protected TokenSource createLexer(CharStream input) {
		return new InternalAlloLexer(input);
	}
}
