package org.allo.lang.parser.antlr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CharStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenSource;
import org.allo.lang.validation.IssueCodes;

/**
 * Python's layout rules on top of the generated lexer, as Python's own tokenizer applies them: a
 * line end outside brackets becomes NEWLINE, a change of indentation at the start of a logical
 * line becomes INDENT or DEDENT tokens, blank and comment-only lines are ignored, and a string
 * written as a type annotation ({@code A: "T[M, K]"}) is lexed as code so its names link.
 * Layout errors (tabs, a dedent to an unknown level) become {@link LayoutErrorToken}s that the
 * parser reports at their position.
 */
public abstract class PythonLayoutTokenSource implements TokenSource {

	/** Token types of the lexer this source wraps; the runtime and content-assist lexers differ. */
	public record TokenTypes(int newline, int indent, int dedent, int annotationQuote, int nl, int ws, int comment,
			int lineContinuation, int string, int id) {
	}

	/** An open bracket; {@code defParameters} when it opens the parameter list of a {@code def}. */
	private record Bracket(Token open, boolean defParameters) {
	}

	/** Python's own limits (tokenizer MAXLEVEL and MAXINDENT). */
	static final int MAX_BRACKETS = 200;
	static final int MAX_INDENTS = 100;

	private final TokenSource delegate;
	private final TokenTypes types;
	private final boolean closeBlocksAtEnd;
	private final Deque<Token> pending = new ArrayDeque<>();
	private final Deque<Integer> indents = new ArrayDeque<>(List.of(0));
	private final Deque<Bracket> brackets = new ArrayDeque<>();

	private boolean atLineStart = true;
	private boolean lineHasContent;
	private Token indentation;
	/** Set past the nesting limits: the rest of the input is passed on as hidden text. */
	private boolean abandoned;
	private Token lastSignificant;
	private Token firstOfLine;
	private int significantInLine;
	private int endOffset;

	protected PythonLayoutTokenSource(TokenSource delegate, TokenTypes types, boolean closeBlocksAtEnd) {
		this.delegate = delegate;
		this.types = types;
		this.closeBlocksAtEnd = closeBlocksAtEnd;
	}

	/** A lexer of the same kind as the delegate, for the content of string annotations. */
	protected abstract TokenSource createLexer(CharStream input);

	@Override
	public Token nextToken() {
		while (pending.isEmpty()) {
			process(delegate.nextToken());
		}
		return pending.poll();
	}

	@Override
	public String getSourceName() {
		return delegate.getSourceName();
	}

	private void process(Token token) {
		int type = token.getType();
		if (abandoned && type != Token.EOF) {
			token.setType(types.comment());
			token.setChannel(Token.HIDDEN_CHANNEL);
			emit(token);
		} else if (type == Token.EOF) {
			finish(token);
		} else if (type == types.nl()) {
			lineBreak(token);
		} else if (type == Token.INVALID_TOKEN_TYPE && isUnterminatedString(token)) {
			unterminatedString((CommonToken) token);
		} else if (isHidden(type)) {
			flushIndentation();
			if (atLineStart && type == types.ws()) {
				indentation = token; // held back until the line shows whether it is indentation
			} else {
				emit(token);
			}
		} else {
			significant(token);
		}
	}

	/**
	 * Reported once here; the parser then sees a string closed at the line end and goes on. The
	 * lexer's error token may have swallowed the line break, which must still end the line.
	 */
	private void unterminatedString(CommonToken token) {
		String text = token.getText();
		int start = token.getStartIndex();
		emit(new LayoutErrorToken(start, start - 1, "", IssueCodes.SYNTAX_UNTERMINATED,
				"Unterminated string: close it with " + text.charAt(0) + " on the same line."));
		int end = text.length();
		while (end > 1 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
			end--;
		}
		CommonToken string = new CommonToken(token);
		string.setType(types.string());
		string.setChannel(Token.DEFAULT_CHANNEL);
		string.setText(text.substring(0, end));
		string.setStopIndex(start + end - 1);
		significant(string);
		if (end < text.length()) {
			CommonToken lineBreak = new CommonToken(token);
			lineBreak.setType(types.nl());
			lineBreak.setChannel(Token.HIDDEN_CHANNEL);
			lineBreak.setText(text.substring(end));
			lineBreak.setStartIndex(start + end);
			lineBreak(lineBreak);
		}
	}

	private static boolean isUnterminatedString(Token token) {
		String text = token.getText();
		return text != null && !text.isEmpty() && (text.charAt(0) == '"' || text.charAt(0) == '\'');
	}

	private boolean isHidden(int type) {
		return type == types.ws() || type == types.comment() || type == types.lineContinuation();
	}

	private void finish(Token eof) {
		if (closeBlocksAtEnd) {
			if (!brackets.isEmpty()) {
				Bracket open = brackets.getLast();
				pending.add(new LayoutErrorToken(endOffset, endOffset - 1, "", IssueCodes.SYNTAX_LAYOUT, "'" + open.open().getText() + "' opened on line " + open.open().getLine()
						+ " is never closed; add the matching '" + closing(open.open().getText()) + "'."));
				brackets.clear();
			}
			if (lineHasContent) {
				pending.add(synthetic(types.newline(), endOffset));
				lineHasContent = false;
			}
			while (indents.size() > 1) {
				indents.pop();
				pending.add(synthetic(types.dedent(), endOffset));
			}
		}
		pending.add(eof);
	}

	private void flushIndentation() {
		if (indentation != null) {
			emit(indentation);
			indentation = null;
		}
	}

	private void lineBreak(Token token) {
		flushIndentation();
		if (brackets.isEmpty() && lineHasContent) {
			CommonToken newline = (CommonToken) token;
			newline.setType(types.newline());
			newline.setChannel(Token.DEFAULT_CHANNEL);
			lineHasContent = false;
		}
		if (brackets.isEmpty()) {
			atLineStart = true;
			significantInLine = 0;
			firstOfLine = null;
		}
		emit(token);
	}

	private void significant(Token token) {
		if (atLineStart) {
			atLineStart = false;
			startLogicalLine(((CommonToken) token).getStartIndex());
		}
		lineHasContent = true;
		if (token.getType() == types.string() && isAnnotationPosition() && splitAnnotation((CommonToken) token)) {
			return;
		}
		track(token);
		emit(token);
	}

	/** Compares the new line's indentation with the open blocks, as Python's tokenizer does. */
	private void startLogicalLine(int offset) {
		int column = indentation == null ? 0 : widthOf(indentation.getText());
		if (indentation != null && indentation.getText().indexOf('\t') >= 0) {
			markIndentation("Tab in indentation: indent with spaces only (Allo, like its Python front end, forbids tabs here).");
		} else if (column < indents.peek() && !indents.contains(column)) {
			// The line joins the block it dedents to, so that one error does not unbalance the rest.
			markIndentation(
					"Inconsistent dedent: this line's indentation matches no enclosing block; align it with the block it belongs to.");
		}
		flushIndentation();
		if (column > indents.peek()) {
			if (indents.size() > MAX_INDENTS) {
				abandon(offset, "Blocks are nested more than " + MAX_INDENTS
						+ " levels deep (Python's limit too); move the inner part into a kernel of its own.");
				return;
			}
			indents.push(column);
			pending.add(synthetic(types.indent(), offset));
		}
		while (column < indents.peek()) {
			indents.pop();
			pending.add(synthetic(types.dedent(), offset));
		}
	}

	/** Turns the held indentation into an error marker covering it, so the error points at it. */
	private void markIndentation(String message) {
		if (indentation != null) {
			CommonToken whitespace = (CommonToken) indentation;
			LayoutErrorToken marker = new LayoutErrorToken(whitespace.getStartIndex(), whitespace.getStopIndex(),
					whitespace.getText(), IssueCodes.SYNTAX_LAYOUT, message);
			marker.setLine(whitespace.getLine());
			marker.setCharPositionInLine(whitespace.getCharPositionInLine());
			indentation = marker;
		}
	}

	private static int widthOf(String whitespace) {
		int width = 0;
		for (int i = 0; i < whitespace.length(); i++) {
			width = whitespace.charAt(i) == '\t' ? (width / 8 + 1) * 8 : width + 1;
		}
		return width;
	}

	private void track(Token token) {
		String text = token.getText();
		if (significantInLine == 0) {
			firstOfLine = token;
		}
		significantInLine++;
		if (token.getType() != types.string() && text != null && text.length() == 1) {
			switch (text.charAt(0)) {
			case '(' -> open(new Bracket(token, brackets.isEmpty() && firstOfLine != null && "def".equals(firstOfLine.getText())));
			case '[', '{' -> open(new Bracket(token, false));
			case ')', ']', '}' -> brackets.poll();
			default -> {
			}
			}
		}
		lastSignificant = token;
	}

	private void open(Bracket bracket) {
		brackets.push(bracket);
		if (brackets.size() > MAX_BRACKETS) {
			abandon(((CommonToken) bracket.open()).getStartIndex(), "Brackets are nested more than " + MAX_BRACKETS
					+ " levels deep (Python's limit too); split the expression with intermediate variables.");
		}
	}

	/**
	 * Nesting beyond Python's limits would only exhaust the parser's stack: report it once and end
	 * the token stream here, keeping the rest of the text as hidden tokens.
	 */
	private void abandon(int offset, String message) {
		pending.add(new LayoutErrorToken(offset, offset - 1, "", IssueCodes.SYNTAX_NESTING, message));
		abandoned = true;
		brackets.clear();
	}

	/**
	 * A string is a type annotation right after {@code ->}, after the {@code :} of a parameter of a
	 * {@code def}, or after the {@code :} of a declaration {@code name: "T[...]"} that opens a line.
	 */
	private boolean isAnnotationPosition() {
		if (lastSignificant == null) {
			return false;
		}
		String previous = lastSignificant.getText();
		if ("->".equals(previous)) {
			return true;
		}
		if (!":".equals(previous)) {
			return false;
		}
		if (brackets.isEmpty()) {
			return significantInLine == 2 && firstOfLine.getType() == types.id();
		}
		return brackets.peek().defParameters();
	}

	private boolean splitAnnotation(CommonToken string) {
		String text = string.getText();
		if (text.length() < 2 || text.startsWith("\"\"\"") || text.startsWith("'''") || text.indexOf('\\') >= 0) {
			return false;
		}
		int start = string.getStartIndex();
		List<Token> inner = lex(text.substring(1, text.length() - 1), start + 1, string);
		emit(quote(string, start));
		for (Token token : inner) {
			if (isHidden(token.getType())) {
				emit(token);
			} else {
				track(token);
				emit(token);
			}
		}
		emit(quote(string, string.getStopIndex()));
		return true;
	}

	private List<Token> lex(String content, int offset, CommonToken origin) {
		TokenSource lexer = createLexer(new ANTLRStringStream(content));
		List<Token> result = new ArrayList<>();
		for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
			CommonToken shifted = (CommonToken) token;
			shifted.setText(shifted.getText());
			shifted.setStartIndex(shifted.getStartIndex() + offset);
			shifted.setStopIndex(shifted.getStopIndex() + offset);
			shifted.setLine(origin.getLine());
			shifted.setCharPositionInLine(origin.getCharPositionInLine() + 1 + token.getCharPositionInLine());
			result.add(shifted);
		}
		return result;
	}

	private Token quote(CommonToken string, int offset) {
		CommonToken quote = new CommonToken(types.annotationQuote(), string.getText().substring(0, 1));
		quote.setChannel(Token.HIDDEN_CHANNEL);
		quote.setStartIndex(offset);
		quote.setStopIndex(offset);
		quote.setLine(string.getLine());
		quote.setCharPositionInLine(string.getCharPositionInLine() + offset - string.getStartIndex());
		return quote;
	}

	private static String closing(String open) {
		return switch (open) {
		case "(" -> ")";
		case "[" -> "]";
		default -> "}";
		};
	}

	private Token synthetic(int type, int offset) {
		CommonToken token = new CommonToken(type, "");
		token.setChannel(Token.DEFAULT_CHANNEL);
		token.setStartIndex(offset);
		token.setStopIndex(offset - 1);
		return token;
	}

	private void emit(Token token) {
		endOffset = Math.max(endOffset, ((CommonToken) token).getStopIndex() + 1);
		pending.add(token);
	}
}
