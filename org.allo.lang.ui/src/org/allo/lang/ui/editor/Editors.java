package org.allo.lang.ui.editor;

import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.lsp4j.Range;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

/** The {@code .allo} editor a command runs in, and opening files at a place. */
public final class Editors {

	/** The active editor's source and caret, for commands. */
	public record AtCaret(ITextEditor editor, EditedSource source, int offset) {
	}

	private Editors() {
	}

	/** The active text editor on an {@code .allo} workspace file, or null. */
	public static AtCaret atCaret(ExecutionEvent event) {
		IEditorPart part = HandlerUtil.getActiveEditor(event);
		if (!(part instanceof ITextEditor editor)) {
			return null;
		}
		IFile file = editor.getEditorInput().getAdapter(IFile.class);
		if (file == null || !"allo".equals(file.getFileExtension())) {
			return null;
		}
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		int offset = editor.getSelectionProvider().getSelection() instanceof ITextSelection selection ? selection.getOffset() : 0;
		return new AtCaret(editor, EditedSource.of(file, document), offset);
	}

	/** Opens {@code file} (or brings its editor forward) with {@code range} selected. */
	public static void reveal(IFile file, Range range) {
		try {
			IEditorPart part = IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
			if (part instanceof ITextEditor editor) {
				IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
				EditedSource source = EditedSource.of(file, document);
				int start = source.offset(range.getStart());
				int end = source.offset(range.getEnd());
				if (start >= 0 && end >= start) {
					editor.selectAndReveal(start, end - start);
				}
			}
		} catch (PartInitException e) {
			throw new IllegalStateException("cannot open " + file.getFullPath() + ": " + e.getMessage(), e);
		}
	}
}
