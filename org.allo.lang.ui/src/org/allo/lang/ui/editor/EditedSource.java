package org.allo.lang.ui.editor;

import org.allo.lang.ui.AlloUiPlugin;
import org.allo.lang.ui.server.InProcessServer;
import org.allo.lang.ui.server.Positions;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.projection.ProjectionDocument;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;

/**
 * An {@code .allo} document of an editor, its workspace file, and its identifier at the in-process
 * server after its current text has been handed over: what every editor feature asks with.
 */
public record EditedSource(InProcessServer server, IDocument document, IFile file, TextDocumentIdentifier id) {

	/** The source behind {@code document}, synchronised with the server; null if it is no workspace file. */
	public static EditedSource of(IDocument document) {
		IDocument master = document instanceof ProjectionDocument projection ? projection.getMasterDocument() : document;
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(master);
		if (buffer == null) {
			return null;
		}
		IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(buffer.getLocation());
		return of(file, master);
	}

	public static EditedSource of(IFile file, IDocument document) {
		InProcessServer server = AlloUiPlugin.getDefault().server();
		return new EditedSource(server, document, file, server.sync(file, document.get()));
	}

	public Position position(int offset) {
		try {
			return Positions.positionOf(document, offset);
		} catch (BadLocationException e) {
			throw new IllegalArgumentException("offset " + offset + " is outside " + file.getName(), e);
		}
	}

	/** The offset of {@code position}, or -1 when the document no longer has it. */
	public int offset(Position position) {
		try {
			return Positions.offsetOf(document, position);
		} catch (BadLocationException e) {
			return -1;
		}
	}
}
