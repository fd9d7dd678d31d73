package org.allo.lang.ide.format;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

import org.allo.lang.ide.format.SourceToken.Kind;
import org.allo.lang.ide.format.SourceTokenizer.Line;

/**
 * Formats Allo source the way Black formats Python, within lines: four spaces per block level,
 * one space around binary operators and after commas, none inside brackets or around keyword
 * {@code =}, two spaces before an inline comment, two blank lines around top-level definitions,
 * no trailing whitespace, one final newline. Line breaks are the author's (no re-wrapping);
 * continuation lines move with their statement. Only whitespace changes, so the module parses to
 * the same model, and formatting formatted text changes nothing.
 */
public final class AlloFormatter {

	private static final String INDENT = "    ";

	private AlloFormatter() {
	}

	/** The formatted text; call it only on text without syntax errors. */
	public static String format(String text) {
		List<Logical> statements = statements(SourceTokenizer.lines(text));
		StringBuilder out = new StringBuilder();
		int blankRun = 0;
		Logical previous = null;
		Logical topLevel = null;
		for (int i = 0; i < statements.size(); i++) {
			Logical statement = statements.get(i);
			if (statement.isBlank()) {
				blankRun++;
				continue;
			}
			if (previous != null) {
				out.append("\n".repeat(blankLinesBefore(statements, i, blankRun, previous, topLevel)));
			}
			out.append(statement.text());
			blankRun = 0;
			previous = statement;
			if (statement.level() == 0 && !statement.isComment()) {
				topLevel = statement;
			}
		}
		return out.toString();
	}

	/**
	 * Black's blank lines: none at the start of a block, two before a top-level definition (with the
	 * comments and decorators directly above it) and after its body, else at most two at the top
	 * level and one inside blocks.
	 */
	private static int blankLinesBefore(List<Logical> statements, int index, int blankRun, Logical previous,
			Logical topLevel) {
		Logical statement = statements.get(index);
		if (previous.opensBlock()) {
			return 0;
		}
		if (statement.level() > 0) {
			return Math.min(blankRun, 1);
		}
		boolean attachedToPrevious = previous.isDecorator() || (previous.isComment() && previous.level() == 0 && blankRun == 0);
		if (startsTopLevelDefinition(statements, index) && !attachedToPrevious) {
			return 2;
		}
		boolean afterDefinitionBody = topLevel != null && topLevel.isDefinition() && previous.level() > 0;
		return afterDefinitionBody ? 2 : Math.min(blankRun, 2);
	}

	/** A def, class or decorator at the top level, or a comment block directly above one. */
	private static boolean startsTopLevelDefinition(List<Logical> statements, int index) {
		for (int i = index; i < statements.size(); i++) {
			Logical statement = statements.get(i);
			if (statement.isBlank() || statement.level() > 0) {
				return false;
			}
			if (!statement.isComment()) {
				return statement.isDefinition() || statement.isDecorator();
			}
		}
		return false;
	}

	/** A logical line formatted on its own: its block level, its text (with newline), and what it is. */
	private record Logical(int level, String text, List<SourceToken> tokens) {
		boolean isBlank() {
			return tokens.isEmpty();
		}

		boolean isComment() {
			return tokens.size() == 1 && tokens.get(0).kind() == Kind.COMMENT;
		}

		boolean isDefinition() {
			return !tokens.isEmpty() && (tokens.get(0).is("def") || tokens.get(0).is("class"));
		}

		boolean isDecorator() {
			return !tokens.isEmpty() && tokens.get(0).is("@");
		}

		boolean opensBlock() {
			SourceToken last = lastCode();
			return last != null && last.is(":");
		}

		private SourceToken lastCode() {
			for (int i = tokens.size() - 1; i >= 0; i--) {
				if (tokens.get(i).kind() != Kind.COMMENT) {
					return tokens.get(i);
				}
			}
			return null;
		}
	}

	/** Groups physical lines into logical lines (brackets and backslashes join them) and formats each. */
	private static List<Logical> statements(List<Line> lines) {
		List<Logical> statements = new ArrayList<>();
		Deque<Integer> widths = new ArrayDeque<>();
		widths.push(0);
		boolean afterBlockOpener = false;
		int i = 0;
		while (i < lines.size()) {
			Line line = lines.get(i);
			if (line.isBlank()) {
				statements.add(new Logical(0, "\n", List.of()));
				i++;
				continue;
			}
			int width = width(line.indent());
			boolean comment = line.tokens().size() == 1 && line.tokens().get(0).kind() == Kind.COMMENT;
			int level;
			if (!comment) {
				level = levelOf(widths, width);
			} else if (afterBlockOpener && width > widths.peek()) {
				// A comment first in a block: the block's first statement has not opened it yet.
				level = widths.size();
			} else {
				level = levelOfComment(widths, width);
			}
			int end = endOfStatement(lines, i);
			Logical statement = format(lines.subList(i, end), level, width);
			statements.add(statement);
			if (!comment) {
				afterBlockOpener = statement.opensBlock();
			}
			i = end;
		}
		return statements;
	}

	/** Python's indentation stack: a deeper line opens a block, a shallower one closes blocks. */
	private static int levelOf(Deque<Integer> widths, int width) {
		if (width > widths.peek()) {
			widths.push(width);
		} else {
			while (widths.size() > 1 && width < widths.peek()) {
				widths.pop();
			}
		}
		return widths.size() - 1;
	}

	/** Comments do not open or close blocks: a comment sits at the deepest open block it reaches. */
	private static int levelOfComment(Deque<Integer> widths, int width) {
		int level = 0;
		int position = 0;
		for (Iterator<Integer> bottomUp = widths.descendingIterator(); bottomUp.hasNext(); position++) {
			if (bottomUp.next() <= width) {
				level = position;
			}
		}
		return level;
	}

	private static int width(String indent) {
		int width = 0;
		for (char c : indent.toCharArray()) {
			width = c == '\t' ? (width / 8 + 1) * 8 : width + 1;
		}
		return width;
	}

	/** The index after the last line of the logical line starting at {@code start}. */
	private static int endOfStatement(List<Line> lines, int start) {
		int depth = 0;
		for (int i = start; i < lines.size(); i++) {
			boolean continued = false;
			for (SourceToken token : lines.get(i).tokens()) {
				if (token.isOpening()) {
					depth++;
				} else if (token.isClosing()) {
					depth = Math.max(0, depth - 1);
				}
				continued = token.kind() == Kind.CONTINUATION;
			}
			if (depth == 0 && !continued) {
				return i + 1;
			}
		}
		return lines.size();
	}

	private static Logical format(List<Line> physical, int level, int originalWidth) {
		StringBuilder text = new StringBuilder(INDENT.repeat(level));
		List<SourceToken> all = new ArrayList<>();
		Spacing spacing = new Spacing();
		int shift = level * INDENT.length() - originalWidth;
		for (Line line : physical) {
			if (line.isBlank()) {
				continue;
			}
			if (!all.isEmpty()) {
				text.append('\n').append(" ".repeat(Math.max(0, width(line.indent()) + shift)));
			}
			SourceToken previous = null;
			for (SourceToken token : line.tokens()) {
				if (previous != null) {
					text.append(spacing.between(previous, token));
				}
				spacing.advance(token);
				text.append(token.text());
				previous = token;
				all.add(token);
			}
		}
		text.append('\n');
		return new Logical(level, text.toString(), all);
	}
}
