package org.allo.lang.parser.antlr;

import org.antlr.runtime.Token;
import org.antlr.runtime.TokenSource;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;
import org.eclipse.xtext.parser.antlr.XtextTokenStream;

/** Gives Xtext the message of a {@link LayoutErrorToken} when it reports it as a lexer error. */
public class LayoutAwareTokenStream extends XtextTokenStream {

	public LayoutAwareTokenStream(TokenSource tokenSource, ITokenDefProvider tokenDefProvider) {
		super(tokenSource, tokenDefProvider);
	}

	@Override
	public String getLexerErrorMessage(Token invalidToken) {
		if (invalidToken instanceof LayoutErrorToken layout) {
			return layout.encoded();
		}
		return super.getLexerErrorMessage(invalidToken);
	}
}
