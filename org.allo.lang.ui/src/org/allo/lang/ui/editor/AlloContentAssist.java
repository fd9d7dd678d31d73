package org.allo.lang.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.allo.lang.ui.server.InProcessServer;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** Content assist from the server's completion (schedule primitives, loops, tensors, names). */
public final class AlloContentAssist implements IContentAssistProcessor {

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		EditedSource source = EditedSource.of(viewer.getDocument());
		if (source == null) {
			return new ICompletionProposal[0];
		}
		Position position = source.position(offset);
		Either<List<CompletionItem>, CompletionList> answer = InProcessServer
				.await(source.server().api().completion(new CompletionParams(source.id(), position)));
		List<CompletionItem> items = answer.isLeft() ? answer.getLeft() : answer.getRight().getItems();
		Range prefix = new Range(source.position(Words.startOfIdentifier(source.document(), offset)), position);
		List<ICompletionProposal> proposals = new ArrayList<>();
		for (CompletionItem item : items) {
			proposals.add(proposalOf(item, prefix));
		}
		return proposals.toArray(ICompletionProposal[]::new);
	}

	private static EditProposal proposalOf(CompletionItem item, Range prefix) {
		TextEdit main;
		if (item.getTextEdit() != null && item.getTextEdit().isLeft()) {
			main = item.getTextEdit().getLeft();
		} else {
			main = new TextEdit(prefix, item.getInsertText() != null ? item.getInsertText() : item.getLabel());
		}
		int caret = -1;
		if (item.getInsertTextFormat() == InsertTextFormat.Snippet) {
			Snippets.Plain plain = Snippets.plain(main.getNewText());
			main = new TextEdit(main.getRange(), plain.text());
			caret = plain.caret();
		}
		List<TextEdit> edits = new ArrayList<>();
		edits.add(main);
		if (item.getAdditionalTextEdits() != null) {
			edits.addAll(item.getAdditionalTextEdits());
		}
		String label = item.getDetail() == null ? item.getLabel() : item.getLabel() + " - " + item.getDetail();
		String details = item.getDocumentation() == null ? null
				: item.getDocumentation().isLeft() ? item.getDocumentation().getLeft() : item.getDocumentation().getRight().getValue();
		return new EditProposal(label, details, edits, caret);
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	/** The characters after which the server proposes something new: members and schedule strings. */
	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return new char[] { '.', '"' };
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
