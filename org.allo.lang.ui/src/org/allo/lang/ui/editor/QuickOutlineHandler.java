package org.allo.lang.ui.editor;

import java.util.List;

import org.allo.lang.ui.server.InProcessServer;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.ui.handlers.HandlerUtil;

/** "Quick Outline": kernels with their bands and loops, schedules with their steps, in a popup. */
public final class QuickOutlineHandler extends CaretCommandHandler {

	@Override
	protected void run(Editors.AtCaret at, ExecutionEvent event) {
		EditedSource source = at.source();
		List<Either<SymbolInformation, DocumentSymbol>> symbols = InProcessServer
				.await(source.server().api().documentSymbol(new DocumentSymbolParams(source.id())));
		List<DocumentSymbol> tree = symbols.stream().filter(Either::isRight).map(Either::getRight).toList();
		new QuickOutline(HandlerUtil.getActiveShell(event), tree, symbol -> Editors.reveal(source.file(), symbol.getSelectionRange()))
				.open();
	}
}
