package org.allo.lang.ide.contentassist;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.ide.editor.contentassist.CompletionPrefixProvider;
import org.eclipse.xtext.ide.editor.contentassist.IndentationAwareCompletionPrefixProvider;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.util.ITextRegion;

/**
 * Xtext's indentation-aware prefix finder, made local and robust. Xtext's walks every node from the
 * root of the file, which made completion linear in the file's size: this one walks the leaves of
 * the top-level statement around the cursor ({@link TopLevelStatement}; a module is a list of
 * statements, so the answer is the same). It
 * also fails on the leaves without grammar element that error recovery leaves behind (an unclosed
 * call at the end of the file, as while typing one); there, the plain finder's answer is used.
 */
public class AlloCompletionPrefixProvider extends IndentationAwareCompletionPrefixProvider {

	private final CompletionPrefixProvider plain = new CompletionPrefixProvider();

	/**
	 * The text the content-assist parser reads to learn what may follow: from the start of the
	 * top-level statement around the cursor (with its decorators), not from the start of the file,
	 * since a module is a list of statements and what may follow does not depend on the ones before.
	 */
	@Override
	public String getInputToParse(String completeInput, int offset, int completionOffset) {
		String input = super.getInputToParse(completeInput, offset, completionOffset);
		return input.substring(statementStart(input));
	}

	/** The offset of the last line starting a top-level statement, moved up over its decorators. */
	static int statementStart(String text) {
		int start = text.length();
		while (start > 0) {
			int line = text.lastIndexOf('\n', start - 1) + 1;
			if (line < text.length() && startsStatement(text, line)) {
				start = line;
				break;
			}
			start = line - 1;
		}
		if (start <= 0) {
			return 0;
		}
		while (start > 0) {
			int previous = text.lastIndexOf('\n', start - 2) + 1;
			if (text.charAt(previous) != '@') {
				break;
			}
			start = previous;
		}
		return start;
	}

	/** A line at column 0 that begins a statement: not a comment, a closing bracket, or else/elif of an if above. */
	private static boolean startsStatement(String text, int line) {
		char c = text.charAt(line);
		if (!(Character.isLetter(c) || c == '_' || c == '@')) {
			return false;
		}
		int end = line;
		while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
			end++;
		}
		String word = text.substring(line, end);
		return !word.equals("else") && !word.equals("elif");
	}

	@Override
	public INode getLastCompleteNodeByOffset(INode node, int offsetPosition, int completionOffset) {
		INode statement = TopLevelStatement.around(node, offsetPosition);
		try {
			return super.getLastCompleteNodeByOffset(statement, offsetPosition, completionOffset);
		} catch (NullPointerException e) {
			return plain.getLastCompleteNodeByOffset(node, offsetPosition, completionOffset);
		}
	}

	/**
	 * The last leaf before the offset that the content-assist parser may continue from. Xtext's
	 * version walks every node from the root of the file (its result only ever depends on leaves);
	 * this one walks the leaves of the given node, the statement around the cursor, which holds that
	 * leaf whenever it strictly contains the offset.
	 */
	@Override
	protected INode getLastCompleteNodeByOffset(INode node, int offset) {
		INode last = node;
		ITextRegion lastRegion = node.getTextRegion();
		for (ILeafNode leaf : node.getLeafNodes()) {
			ITextRegion region = leaf.getTextRegion();
			boolean emptyAtOffset = region.getOffset() == offset && region.getLength() == 0;
			if (region.getOffset() >= offset && !emptyAtOffset && !region.equals(lastRegion)) {
				break;
			}
			if (continuesGrammar(leaf) && (region.getLength() > 0 || endsBefore(lastRegion, offset))) {
				last = leaf;
				lastRegion = region;
			}
		}
		return last;
	}

	/** A leaf of the grammar (not a hidden terminal), or one error recovery inserted. */
	private static boolean continuesGrammar(ILeafNode leaf) {
		EObject element = leaf.getGrammarElement();
		return element == null || element instanceof AbstractElement || element instanceof ParserRule;
	}

	/**
	 * An empty leaf (an indentation token) follows the last one found only when that one ends before
	 * the offset or is empty itself.
	 */
	private static boolean endsBefore(ITextRegion region, int offset) {
		return region.getOffset() + region.getLength() < offset || region.getLength() == 0 && region.getOffset() <= offset;
	}
}
