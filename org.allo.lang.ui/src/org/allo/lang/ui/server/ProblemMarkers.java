package org.allo.lang.ui.server;

import java.util.List;
import java.util.function.Supplier;

import org.allo.lang.ui.AlloUiPlugin;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * Replaces the Allo problem markers of one file by the server's latest diagnostics. The markers
 * are read when the job runs, so that a burst of publications ends with the last one.
 */
final class ProblemMarkers extends WorkspaceJob {

	/** A problem marker type of this bundle (plugin.xml), shown in the Problems view and as annotations. */
	static final String TYPE = AlloUiPlugin.ID + ".problem";
	/** The diagnostic code ({@code allo.link}, ...), as {@code allo check} prints it. */
	static final String CODE = "code";

	private final IFile file;
	private final Supplier<List<Diagnostic>> diagnostics;
	private final Supplier<String> text;

	ProblemMarkers(IFile file, Supplier<List<Diagnostic>> diagnostics, Supplier<String> text) {
		super("Allo problems of " + file.getName());
		this.file = file;
		this.diagnostics = diagnostics;
		this.text = text;
		setRule(file.getWorkspace().getRuleFactory().markerRule(file));
		setSystem(true);
	}

	@Override
	public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
		if (!file.exists()) {
			return Status.OK_STATUS;
		}
		String content = text.get();
		IDocument document = new Document(content == null ? "" : content);
		file.deleteMarkers(TYPE, false, IResource.DEPTH_ZERO);
		for (Diagnostic diagnostic : diagnostics.get()) {
			IMarker marker = file.createMarker(TYPE);
			marker.setAttribute(IMarker.MESSAGE, diagnostic.getMessage().getLeft());
			marker.setAttribute(IMarker.SEVERITY, severityOf(diagnostic.getSeverity()));
			marker.setAttribute(IMarker.LINE_NUMBER, diagnostic.getRange().getStart().getLine() + 1);
			if (diagnostic.getCode() != null) {
				marker.setAttribute(CODE, diagnostic.getCode().getLeft());
			}
			try {
				marker.setAttribute(IMarker.CHAR_START, Positions.offsetOf(document, diagnostic.getRange().getStart()));
				marker.setAttribute(IMarker.CHAR_END, Positions.offsetOf(document, diagnostic.getRange().getEnd()));
			} catch (BadLocationException e) {
				// The text changed since the diagnostic was computed: the line number alone still places it.
			}
		}
		return Status.OK_STATUS;
	}

	private static int severityOf(DiagnosticSeverity severity) {
		if (severity == null) {
			return IMarker.SEVERITY_ERROR;
		}
		return switch (severity) {
		case Error -> IMarker.SEVERITY_ERROR;
		case Warning -> IMarker.SEVERITY_WARNING;
		case Information, Hint -> IMarker.SEVERITY_INFO;
		};
	}
}
