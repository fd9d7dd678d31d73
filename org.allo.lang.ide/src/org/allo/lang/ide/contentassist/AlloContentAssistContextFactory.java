package org.allo.lang.ide.contentassist;

import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.ide.editor.contentassist.antlr.LeafNodeFinder;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * Xtext's context factory with the leaves at the cursor looked up in the top-level statement around
 * it: Xtext's search walks the file's leaves from the start, which made each completion linear in
 * the file's size. A leaf that ends at or starts at the cursor lies in the statement that strictly
 * contains the cursor, so the result is the same (the whole file is searched when no statement does).
 */
public class AlloContentAssistContextFactory extends ContentAssistContextFactory {

	@Override
	protected void initializeNodeAndModelData() {
		rootNode = parseResult.getRootNode();
		INode statement = TopLevelStatement.around(rootNode, completionOffset);
		lastCompleteNode = new LeafNodeFinder(completionOffset, true).searchIn(statement);
		if (lastCompleteNode == null) {
			lastCompleteNode = rootNode;
		}
		currentNode = new LeafNodeFinder(completionOffset, false).searchIn(statement);
		if (currentNode == null) {
			currentNode = lastCompleteNode;
		}
		lastVisibleNode = getLastCompleteNodeByOffset(rootNode, completionOffset);
		datatypeNode = getContainingDatatypeRuleNode(lastCompleteNode);
		currentModel = NodeModelUtils.findActualSemanticObjectFor(lastVisibleNode);
	}
}
