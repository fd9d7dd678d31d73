package org.allo.lang.ide.contentassist;

import org.eclipse.xtext.ide.editor.contentassist.CompletionPrefixProvider;
import org.eclipse.xtext.ide.editor.contentassist.IndentationAwareCompletionPrefixProvider;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;

/**
 * Xtext's indentation-aware prefix finder, made local and robust. It walks leaves from the node it
 * is given, which made completion linear in the file's size: it is given the top-level statement
 * around the cursor instead (a module is a list of statements, so the answer is the same). It
 * also fails on the leaves without grammar element that error recovery leaves behind (an unclosed
 * call at the end of the file, as while typing one); there, the plain finder's answer is used.
 */
public class AlloCompletionPrefixProvider extends IndentationAwareCompletionPrefixProvider {

	private final CompletionPrefixProvider plain = new CompletionPrefixProvider();

	@Override
	public INode getLastCompleteNodeByOffset(INode node, int offsetPosition, int completionOffset) {
		INode statement = statementAround(node, offsetPosition);
		try {
			return super.getLastCompleteNodeByOffset(statement, offsetPosition, completionOffset);
		} catch (NullPointerException e) {
			return plain.getLastCompleteNodeByOffset(node, offsetPosition, completionOffset);
		}
	}

	/** The root's child (a top-level statement) that strictly contains the offset; the root otherwise. */
	private static INode statementAround(INode root, int offset) {
		if (!(root instanceof ICompositeNode composite) || root.getParent() != null) {
			return root;
		}
		for (INode child : composite.getChildren()) {
			if (child instanceof ICompositeNode && child.getTotalOffset() < offset && offset < child.getTotalEndOffset()) {
				return child;
			}
		}
		return root;
	}
}
