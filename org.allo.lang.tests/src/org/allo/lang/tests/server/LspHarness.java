package org.allo.lang.tests.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.allo.lang.ide.server.AlloLanguageServer;
import org.allo.lang.ide.server.AlloServerModule;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.FoldingRangeCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RenameCapabilities;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageClient;

import com.google.inject.Guice;

/**
 * The Allo language server in process, driven through its LSP methods as an editor drives it, in a
 * fresh temporary workspace folder. Requests are answered after the edits sent before them (the
 * server orders reads after writes), so diagnostics are in once a request returns.
 */
public final class LspHarness implements AutoCloseable {

	/** The marker for the cursor in test sources. */
	public static final String CURSOR = "|";

	private final Path root;
	private final AlloLanguageServer server;
	private final Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();
	private final InitializeResult initializeResult;
	private final Map<String, Integer> versions = new ConcurrentHashMap<>();

	public LspHarness() {
		try {
			root = Files.createTempDirectory("allo-lsp-test").toRealPath();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server = Guice.createInjector(AlloServerModule.create()).getInstance(AlloLanguageServer.class);
		server.connect(new RecordingClient());
		InitializeParams params = new InitializeParams();
		params.setRootUri(root.toUri().toString());
		params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "test")));
		params.setCapabilities(clientCapabilities());
		initializeResult = await(server.initialize(params));
		server.initialized(new InitializedParams());
	}

	private static ClientCapabilities clientCapabilities() {
		TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
		DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
		symbols.setHierarchicalDocumentSymbolSupport(true);
		text.setDocumentSymbol(symbols);
		text.setFoldingRange(new FoldingRangeCapabilities());
		RenameCapabilities rename = new RenameCapabilities();
		rename.setPrepareSupport(true);
		text.setRename(rename);
		ClientCapabilities capabilities = new ClientCapabilities();
		capabilities.setTextDocument(text);
		return capabilities;
	}

	public AlloLanguageServer server() {
		return server;
	}

	public InitializeResult initializeResult() {
		return initializeResult;
	}

	/** Opens a document {@code name} of the workspace with {@code text}; returns its URI. */
	public String open(String name, String text) {
		String uri = uriOf(name);
		versions.put(uri, 1);
		server.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "allo", 1, text)));
		return uri;
	}

	public String uriOf(String name) {
		return root.resolve(name).toUri().toString();
	}

	/** Replaces the text of an open document (one full-text change). */
	public void replace(String uri, String text) {
		change(uri, new TextDocumentContentChangeEvent(text));
	}

	public void change(String uri, TextDocumentContentChangeEvent... events) {
		int version = versions.merge(uri, 1, Integer::sum);
		server.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), List.of(events)));
	}

	public void close(String uri) {
		server.didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
	}

	/** The diagnostics last published for the document, after every edit sent so far was built. */
	public List<Diagnostic> diagnostics(String uri) {
		await(server.getRequestManager().runRead(cancel -> null));
		return diagnostics.getOrDefault(uri, List.of());
	}

	public static <T> T await(CompletableFuture<T> future) {
		try {
			return future.get(60, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		} catch (ExecutionException | TimeoutException e) {
			throw new IllegalStateException("the server failed to answer: " + e, e);
		}
	}

	/** A source with one {@code |}: the text without it and the cursor's position. */
	public record Cursor(String text, Position position) {
		public static Cursor in(String marked) {
			int offset = marked.indexOf(CURSOR);
			if (offset < 0) {
				throw new IllegalArgumentException("no cursor marker '|' in the test source");
			}
			String before = marked.substring(0, offset);
			int line = (int) before.chars().filter(c -> c == '\n').count();
			int column = offset - (before.lastIndexOf('\n') + 1);
			return new Cursor(before + marked.substring(offset + 1), new Position(line, column));
		}
	}

	@Override
	public void close() {
		await(server.shutdown());
		try (var files = Files.walk(root)) {
			for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
				Files.deleteIfExists(file);
			}
		} catch (IOException e) {
			// a temporary folder left behind is harmless
		}
	}

	private final class RecordingClient implements LanguageClient {
		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void publishDiagnostics(PublishDiagnosticsParams params) {
			diagnostics.put(params.getUri(), new ArrayList<>(params.getDiagnostics()));
		}

		@Override
		public void showMessage(MessageParams params) {
		}

		@Override
		public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
			return CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams params) {
		}
	}
}
