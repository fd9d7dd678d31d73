package org.allo.lang.ide.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.ElifClause;
import org.allo.lang.allo.ForStmt;
import org.allo.lang.allo.FromImportStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.IfStmt;
import org.allo.lang.allo.ImportStmt;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.Statement;
import org.allo.lang.allo.WhileStmt;
import org.allo.lang.allo.WithStmt;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

/**
 * Folding: each block statement (def, class, for, if, elif, while, with) from its header to its
 * last line of code (not the blank lines and dedent after it), runs of comment lines, and the
 * imports at the top.
 */
public class FoldingRanges {

	public List<FoldingRange> of(XtextResource resource) {
		List<FoldingRange> ranges = new ArrayList<>();
		if (resource.getParseResult() == null || !(resource.getContents().get(0) instanceof Module module)) {
			return ranges;
		}
		for (EObject element : (Iterable<EObject>) module::eAllContents) {
			if (element instanceof FunctionDef || element instanceof ClassDef || element instanceof ForStmt
					|| element instanceof IfStmt || element instanceof ElifClause || element instanceof WhileStmt
					|| element instanceof WithStmt) {
				add(ranges, NodeModelUtils.getNode(element), null);
			}
		}
		comments(resource, ranges);
		imports(module, ranges);
		ranges.sort(Comparator.comparingInt(FoldingRange::getStartLine).thenComparingInt(FoldingRange::getEndLine));
		return ranges;
	}

	private static void add(List<FoldingRange> ranges, INode node, String kind) {
		if (node == null) {
			return;
		}
		int start = node.getStartLine() - 1;
		int end = lastCodeLine(node);
		if (end > start) {
			FoldingRange range = new FoldingRange(start, end);
			range.setKind(kind);
			ranges.add(range);
		}
	}

	/** The 0-based line of the node's last token that is code (not whitespace, a newline or a dedent). */
	private static int lastCodeLine(INode node) {
		int line = node.getStartLine() - 1;
		for (ILeafNode leaf : node.getLeafNodes()) {
			if (!leaf.isHidden() && leaf.getLength() > 0 && !leaf.getText().isBlank()) {
				line = leaf.getEndLine() - 1;
			}
		}
		return line;
	}

	private static void comments(XtextResource resource, List<FoldingRange> ranges) {
		int first = -1;
		int last = -2;
		for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
			if (!leaf.isHidden() || !leaf.getText().startsWith("#")) {
				continue;
			}
			int line = leaf.getStartLine() - 1;
			if (line != last + 1) {
				addComments(ranges, first, last);
				first = line;
			}
			last = line;
		}
		addComments(ranges, first, last);
	}

	private static void addComments(List<FoldingRange> ranges, int first, int last) {
		if (first >= 0 && last > first) {
			FoldingRange range = new FoldingRange(first, last);
			range.setKind(FoldingRangeKind.Comment);
			ranges.add(range);
		}
	}

	private static void imports(Module module, List<FoldingRange> ranges) {
		int first = -1;
		int last = -1;
		for (Statement statement : module.getStatements()) {
			if (!(statement instanceof ImportStmt || statement instanceof FromImportStmt)) {
				break;
			}
			INode node = NodeModelUtils.getNode(statement);
			first = first < 0 ? node.getStartLine() - 1 : first;
			last = lastCodeLine(node);
		}
		if (first >= 0 && last > first) {
			FoldingRange range = new FoldingRange(first, last);
			range.setKind(FoldingRangeKind.Imports);
			ranges.add(range);
		}
	}
}
