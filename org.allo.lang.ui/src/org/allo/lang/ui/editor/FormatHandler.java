package org.allo.lang.ui.editor;

import java.util.List;

import org.allo.lang.ui.server.InProcessServer;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextEdit;

/** "Format": the edits of AlloFormatter (as {@code allo fmt} writes the file), applied as one change. */
public final class FormatHandler extends CaretCommandHandler {

	private static final int INDENT = 4;

	@Override
	protected void run(Editors.AtCaret at, ExecutionEvent event) {
		EditedSource source = at.source();
		List<? extends TextEdit> edits = InProcessServer.await(source.server().api()
				.formatting(new DocumentFormattingParams(source.id(), new FormattingOptions(INDENT, true))));
		if (!edits.isEmpty()) {
			new EditProposal("Format", null, List.copyOf(edits), -1).apply(source.document());
		}
	}
}
