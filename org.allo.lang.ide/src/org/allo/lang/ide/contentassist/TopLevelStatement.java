package org.allo.lang.ide.contentassist;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;

/**
 * The top-level statement around an offset. Content assist only ever looks at the leaves next to
 * the cursor; when a statement strictly contains the cursor, those leaves are all inside it, so the
 * searches can walk that statement instead of the whole file.
 */
final class TopLevelStatement {

	private TopLevelStatement() {
	}

	/** The root's child (a top-level statement) that strictly contains the offset; the root otherwise. */
	static INode around(INode root, int offset) {
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
