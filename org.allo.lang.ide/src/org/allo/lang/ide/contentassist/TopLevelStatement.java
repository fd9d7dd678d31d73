package org.allo.lang.ide.contentassist;

import java.util.List;

import org.allo.lang.allo.Module;
import org.allo.lang.allo.Statement;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

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
		INode found = root.getSemanticElement() instanceof Module module ? bySearch(module.getStatements(), offset) : null;
		return found != null ? found : byWalk(composite, offset);
	}

	/**
	 * The root's child holding the last statement that starts before the offset, found by bisecting
	 * the module's statements (they are in source order), when it strictly contains the offset.
	 */
	private static INode bySearch(List<Statement> statements, int offset) {
		int low = 0;
		int high = statements.size() - 1;
		INode candidate = null;
		while (low <= high) {
			int middle = (low + high) >>> 1;
			INode node = childOfRoot(NodeModelUtils.getNode(statements.get(middle)));
			if (node == null) {
				return null;
			}
			if (node.getTotalOffset() < offset) {
				candidate = node;
				low = middle + 1;
			} else {
				high = middle - 1;
			}
		}
		return candidate != null && offset < candidate.getTotalEndOffset() ? candidate : null;
	}

	private static INode childOfRoot(INode node) {
		INode current = node;
		while (current != null && current.getParent() != null && current.getParent().getParent() != null) {
			current = current.getParent();
		}
		return current == null || current.getParent() == null ? null : current;
	}

	/** The walk over the root's children, for an offset between statements. */
	private static INode byWalk(ICompositeNode root, int offset) {
		for (INode child : root.getChildren()) {
			if (child instanceof ICompositeNode && child.getTotalOffset() < offset && offset < child.getTotalEndOffset()) {
				return child;
			}
		}
		return root;
	}
}
