package org.allo.lang.ide.server;

import java.util.ArrayList;
import java.util.List;

import org.allo.lang.allo.Module;
import org.allo.lang.allo.StringLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;

import com.google.inject.Inject;

/**
 * Navigation that sees schedule strings as references: what the cursor names (a part of a schedule
 * string or a name Xtext links), where that is declared, and where strings name it.
 */
public class StringReferences {

	@Inject
	private ScheduleStrings scheduleStrings;

	@Inject
	private EObjectAtOffsetHelper elementAtOffset;

	@Inject
	private ILocationInFileProvider locations;

	/** The part of a schedule string under the cursor; null when the cursor is not in one. */
	public ScheduleStrings.Part stringPartAt(XtextResource resource, int offset) {
		if (resource.getParseResult() == null) {
			return null;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		EObject element = leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
		return element instanceof StringLiteral literal ? scheduleStrings.partAt(literal, offset) : null;
	}

	/** What the cursor names: a string part's target, else the element Xtext resolves there. */
	public Object targetAt(XtextResource resource, int offset) {
		ScheduleStrings.Part part = stringPartAt(resource, offset);
		if (part != null) {
			return part.target();
		}
		return elementAtOffset.resolveElementAt(resource, offset);
	}

	/** The declaration an element's name is written in; bands are declared by their outermost loop. */
	public EObject declarationOf(Object target) {
		if (target instanceof ScheduleStrings.Band band) {
			return ScheduleStrings.firstLoopOf(band);
		}
		return target instanceof EObject object ? object : null;
	}

	/** The region of a declaration's name. */
	public ITextRegion nameRegionOf(EObject declaration) {
		return locations.getSignificantTextRegion(declaration);
	}

	/** The ranges in schedule strings of the resource's module that name {@code target}. */
	public List<Range> stringRanges(Document document, XtextResource resource, Object target) {
		List<Range> ranges = new ArrayList<>();
		if (target == null || resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Module module)) {
			return ranges;
		}
		for (ScheduleStrings.Part part : scheduleStrings.occurrencesOf(target, module)) {
			ranges.add(rangeOf(document, part.region()));
		}
		return ranges;
	}

	public static Range rangeOf(Document document, ITextRegion region) {
		return new Range(document.getPosition(region.getOffset()), document.getPosition(region.getOffset() + region.getLength()));
	}
}
