package org.allo.lang.ui.editor;

import org.allo.lang.ide.ir.IrView;
import org.allo.lang.ui.server.InProcessServer;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * "Show IR after this step": the {@code allo/showIr} answer at the caret (the IR after the
 * schedule step there, or of the kernel there, or what to do to see one) in a window.
 */
public final class ShowIrHandler extends CaretCommandHandler {

	@Override
	protected void run(Editors.AtCaret at, ExecutionEvent event) {
		EditedSource source = at.source();
		IrView.Shown shown = InProcessServer.await(source.server().api()
				.showIr(new TextDocumentPositionParams(source.id(), source.position(at.offset()))));
		new TextDialog(HandlerUtil.getActiveShell(event), shown.title(), shown.text()).open();
	}
}
