package org.allo.lang.ide.contentassist;

import org.eclipse.xtext.ide.editor.contentassist.CompletionPrefixProvider;
import org.eclipse.xtext.ide.editor.contentassist.IndentationAwareCompletionPrefixProvider;
import org.eclipse.xtext.nodemodel.INode;

/**
 * Xtext's indentation-aware prefix finder walks back over layout tokens and fails on the leaves
 * without grammar element that error recovery leaves behind (an unclosed call at the end of the
 * file, as while typing one); there, the plain finder's answer is used.
 */
public class AlloCompletionPrefixProvider extends IndentationAwareCompletionPrefixProvider {

	private final CompletionPrefixProvider plain = new CompletionPrefixProvider();

	@Override
	public INode getLastCompleteNodeByOffset(INode node, int offsetPosition, int completionOffset) {
		try {
			return super.getLastCompleteNodeByOffset(node, offsetPosition, completionOffset);
		} catch (NullPointerException e) {
			return plain.getLastCompleteNodeByOffset(node, offsetPosition, completionOffset);
		}
	}
}
