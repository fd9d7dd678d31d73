package org.allo.lang.ui.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.lsp4j.Range;

/** A link from a name to its declaration, opened in an editor with the name selected. */
final class DeclarationLink implements IHyperlink {

	private final IRegion region;
	private final IFile target;
	private final Range range;

	DeclarationLink(IRegion region, IFile target, Range range) {
		this.region = region;
		this.target = target;
		this.range = range;
	}

	@Override
	public IRegion getHyperlinkRegion() {
		return region;
	}

	@Override
	public String getTypeLabel() {
		return "Allo declaration";
	}

	@Override
	public String getHyperlinkText() {
		return "Open Declaration (" + target.getName() + ":" + (range.getStart().getLine() + 1) + ")";
	}

	@Override
	public void open() {
		Editors.reveal(target, range);
	}
}
