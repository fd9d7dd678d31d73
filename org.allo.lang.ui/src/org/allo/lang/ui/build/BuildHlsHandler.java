package org.allo.lang.ui.build;

import org.allo.lang.ui.editor.CaretCommandHandler;
import org.allo.lang.ui.editor.Editors;
import org.allo.lang.ui.editor.TextDialog;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.ui.handlers.HandlerUtil;

/** "Build HLS project": saves the editor, generates its file's projects and shows what was built. */
public final class BuildHlsHandler extends CaretCommandHandler {

	@Override
	protected void run(Editors.AtCaret at, ExecutionEvent event) throws ExecutionException {
		if (at.editor().isDirty()) {
			at.editor().doSave(new NullProgressMonitor());
		}
		try {
			HlsBuild.Result result = HlsBuild.generate(at.source().file(), BuildSettings.current(), new NullProgressMonitor());
			String title = result.succeeded() ? "HLS project generated" : "HLS project not generated";
			new TextDialog(HandlerUtil.getActiveShell(event), title, result.output()).open();
		} catch (CoreException e) {
			throw new ExecutionException("cannot refresh the output folder of " + at.source().file().getFullPath(), e);
		}
	}
}
