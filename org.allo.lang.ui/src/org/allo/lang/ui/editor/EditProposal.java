package org.allo.lang.ui.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.allo.lang.ui.server.Positions;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;

/**
 * A proposal (completion or quick fix) that applies the server's text edits. The edits are
 * ranges of the document as it was asked about; they are applied from the last to the first so
 * that earlier offsets stay valid.
 */
public final class EditProposal implements ICompletionProposal {

	private final String label;
	private final String details;
	private final List<TextEdit> edits;
	/** Where the caret goes inside the first edit's new text; -1 for its end. */
	private final int caretInFirstEdit;
	private Point selection;

	public EditProposal(String label, String details, List<TextEdit> edits, int caretInFirstEdit) {
		this.label = label;
		this.details = details;
		this.edits = List.copyOf(edits);
		this.caretInFirstEdit = caretInFirstEdit;
	}

	@Override
	public void apply(IDocument document) {
		record Replacement(int offset, int length, String text) {
		}
		List<Replacement> replacements = new ArrayList<>();
		try {
			for (TextEdit edit : edits) {
				int start = Positions.offsetOf(document, edit.getRange().getStart());
				int end = Positions.offsetOf(document, edit.getRange().getEnd());
				replacements.add(new Replacement(start, end - start, edit.getNewText()));
			}
			Replacement first = replacements.get(0);
			int shiftBeforeFirst = 0;
			for (Replacement r : replacements.subList(1, replacements.size())) {
				if (r.offset() < first.offset()) {
					shiftBeforeFirst += r.text().length() - r.length();
				}
			}
			replacements.sort(Comparator.comparingInt(Replacement::offset).reversed());
			for (Replacement r : replacements) {
				document.replace(r.offset(), r.length(), r.text());
			}
			int caret = caretInFirstEdit < 0 ? first.text().length() : caretInFirstEdit;
			selection = new Point(first.offset() + shiftBeforeFirst + caret, 0);
		} catch (BadLocationException e) {
			throw new IllegalStateException("the document changed under the proposal '" + label + "'", e);
		}
	}

	@Override
	public Point getSelection(IDocument document) {
		return selection;
	}

	@Override
	public String getAdditionalProposalInfo() {
		return details;
	}

	@Override
	public String getDisplayString() {
		return label;
	}

	@Override
	public Image getImage() {
		return null;
	}

	@Override
	public IContextInformation getContextInformation() {
		return null;
	}
}
