package org.allo.lang.ui.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.eclipse.core.resources.IFile;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The workbench side of the in-process server: every published diagnostic list becomes the problem
 * markers of its file ({@link ProblemMarkers}), and stays available to quick fixes, which send the
 * diagnostics under the cursor back to the server.
 */
public final class MarkerClient implements LanguageClient {

	private final WorkspaceFiles files;
	private final Function<String, String> sentText;
	private final Map<String, List<Diagnostic>> published = new ConcurrentHashMap<>();

	MarkerClient(WorkspaceFiles files, Function<String, String> sentText) {
		this.files = files;
		this.sentText = sentText;
	}

	@Override
	public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
		String uri = diagnostics.getUri();
		published.put(uri, List.copyOf(diagnostics.getDiagnostics()));
		IFile file = files.fileOf(uri);
		if (file != null) {
			new ProblemMarkers(file, () -> published.getOrDefault(uri, List.of()), () -> textOf(uri, file)).schedule();
		}
	}

	/** The diagnostics the server last published for {@code uri}. */
	public List<Diagnostic> diagnostics(String uri) {
		return published.getOrDefault(uri, List.of());
	}

	private String textOf(String uri, IFile file) {
		String sent = sentText.apply(uri);
		return sent != null ? sent : WorkspaceFiles.savedText(file);
	}

	@Override
	public void telemetryEvent(Object object) {
	}

	@Override
	public void showMessage(MessageParams message) {
	}

	@Override
	public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public void logMessage(MessageParams message) {
	}
}
