package org.allo.lang.parser.antlr;

import org.antlr.runtime.TokenSource;
import org.eclipse.xtext.parser.antlr.XtextTokenStream;

/** The generated parser, reading its tokens through a {@link LayoutAwareTokenStream}. */
public class LayoutAwareAlloParser extends AlloParser {

	@Override
	protected XtextTokenStream createTokenStream(TokenSource tokenSource) {
		return new LayoutAwareTokenStream(tokenSource, getTokenDefProvider());
	}
}
