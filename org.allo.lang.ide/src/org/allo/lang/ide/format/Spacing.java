package org.allo.lang.ide.format;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

import org.allo.lang.ide.format.SourceToken.Kind;

/**
 * The whitespace Black puts between two tokens of one line, from the tokens and the brackets they
 * are in: a subscript's {@code :} is a slice, a call's {@code =} a keyword argument, an operator
 * after another operator or an opening bracket is unary.
 */
final class Spacing {

	private static final Set<String> KEYWORDS = Set.of("def", "class", "if", "elif", "else", "for", "while", "with", "as",
			"in", "not", "and", "or", "is", "return", "pass", "break", "continue", "import", "from", "assert", "del",
			"global", "nonlocal", "raise", "yield", "lambda");
	private static final Set<String> UNARY = Set.of("-", "+", "~", "*", "**");

	/** An open bracket: which, whether it is a subscript or a call, and whether its item has an annotation. */
	private static final class Bracket {
		final String kind;
		final boolean subscript;
		boolean annotated;

		Bracket(String kind, boolean subscript) {
			this.kind = kind;
			this.subscript = subscript;
		}
	}

	private final Deque<Bracket> brackets = new ArrayDeque<>();
	private SourceToken last;
	private SourceToken beforeLast;
	private boolean lastWasUnary;

	String between(SourceToken previous, SourceToken current) {
		if (current.kind() == Kind.COMMENT) {
			return "  ";
		}
		if (current.kind() == Kind.CONTINUATION) {
			return " ";
		}
		if (previous.isOpening() || current.isClosing() || current.is(",") || current.is(";")) {
			return "";
		}
		if (previous.is(".") || current.is(".")) {
			return "";
		}
		if (current.is(":")) {
			return previous.is(",") ? " " : "";
		}
		if (previous.is(",")) {
			return " ";
		}
		if (previous.is(":")) {
			return inSubscript() ? "" : " ";
		}
		if (current.is("=") || previous.is("=")) {
			return keywordArgument() ? "" : " ";
		}
		if (current.is("(") || current.is("[")) {
			return isOperand(previous) ? "" : " ";
		}
		if (lastWasUnary) {
			return "";
		}
		return " ";
	}

	/** Records {@code current} as the last token, updating the brackets. */
	void advance(SourceToken current) {
		// A statement's leading @ is a decorator's, written against its name.
		boolean unary = current.kind() == Kind.OPERATOR
				&& ((UNARY.contains(current.text()) && !isOperand(last)) || (current.is("@") && last == null));
		if (current.isOpening()) {
			// def f[T: int32](...): type parameters, whose ':' is an annotation, not a slice.
			boolean typeParameters = beforeLast != null && (beforeLast.is("def") || beforeLast.is("class"));
			brackets.push(new Bracket(current.text(), isOperand(last) && !typeParameters));
		} else if (current.isClosing()) {
			brackets.poll();
		} else if (current.is(",") && !brackets.isEmpty()) {
			brackets.peek().annotated = false;
		} else if (current.is(":") && !brackets.isEmpty() && brackets.peek().kind.equals("(")) {
			brackets.peek().annotated = true;
		}
		lastWasUnary = unary;
		beforeLast = last;
		last = current;
	}

	/** Whether a token ends an operand, so that what follows is binary (or a call or subscript). */
	private static boolean isOperand(SourceToken token) {
		if (token == null) {
			return false;
		}
		return switch (token.kind()) {
		case NAME -> !KEYWORDS.contains(token.text());
		case NUMBER, STRING -> true;
		case OPERATOR -> token.isClosing();
		default -> false;
		};
	}

	private boolean inSubscript() {
		return !brackets.isEmpty() && brackets.peek().kind.equals("[") && brackets.peek().subscript;
	}

	private boolean keywordArgument() {
		return !brackets.isEmpty() && brackets.peek().kind.equals("(") && !brackets.peek().annotated;
	}
}
