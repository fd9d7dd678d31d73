package org.allo.lang.ui.editor;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;

/** A command on the active Allo editor at its caret; without one (another editor is active) it does nothing. */
public abstract class CaretCommandHandler extends AbstractHandler {

	@Override
	public final Object execute(ExecutionEvent event) throws ExecutionException {
		Editors.AtCaret at = Editors.atCaret(event);
		if (at != null) {
			run(at, event);
		}
		return null;
	}

	protected abstract void run(Editors.AtCaret at, ExecutionEvent event) throws ExecutionException;
}
