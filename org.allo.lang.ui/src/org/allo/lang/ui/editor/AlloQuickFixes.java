package org.allo.lang.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.allo.lang.ui.server.InProcessServer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.ui.texteditor.MarkerAnnotation;

/**
 * Ctrl+1 on a problem: the server's quick fixes (insert a cast, take the loop name a typo was close
 * to, add the partition an unroll needs, ...) for the diagnostics under the caret.
 */
public final class AlloQuickFixes implements IQuickAssistProcessor {

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		EditedSource source = EditedSource.of(context.getSourceViewer().getDocument());
		if (source == null) {
			return new ICompletionProposal[0];
		}
		Position caret = source.position(context.getOffset());
		List<Diagnostic> here = source.server().client().diagnostics(source.id().getUri()).stream()
				.filter(diagnostic -> contains(diagnostic.getRange(), caret)).toList();
		if (here.isEmpty()) {
			return new ICompletionProposal[0];
		}
		List<Either<Command, CodeAction>> actions = InProcessServer.await(source.server().api()
				.codeAction(new CodeActionParams(source.id(), new Range(caret, caret), new CodeActionContext(here))));
		List<ICompletionProposal> proposals = new ArrayList<>();
		for (Either<Command, CodeAction> action : actions) {
			if (action.isRight() && action.getRight().getEdit() != null) {
				List<TextEdit> edits = action.getRight().getEdit().getChanges().get(source.id().getUri());
				if (edits != null && !edits.isEmpty()) {
					proposals.add(new EditProposal(action.getRight().getTitle(), null, edits, -1));
				}
			}
		}
		return proposals.toArray(ICompletionProposal[]::new);
	}

	private static boolean contains(Range range, Position position) {
		return !before(position, range.getStart()) && !before(range.getEnd(), position);
	}

	private static boolean before(Position a, Position b) {
		return a.getLine() < b.getLine() || (a.getLine() == b.getLine() && a.getCharacter() < b.getCharacter());
	}

	@Override
	public boolean canFix(Annotation annotation) {
		return annotation instanceof MarkerAnnotation marker && !marker.isMarkedDeleted();
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext invocationContext) {
		return false;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}
}
