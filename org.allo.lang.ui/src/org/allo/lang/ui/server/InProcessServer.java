package org.allo.lang.ui.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.allo.lang.ide.server.AlloLanguageServer;
import org.allo.lang.ide.server.AlloServerModule;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.xtext.ide.server.UriExtensions;

import com.google.inject.Guice;
import com.google.inject.Injector;

/**
 * The Allo language server of {@code allo lsp} (same Guice modules, same services) running inside
 * the workbench: editor features call its Java API directly, and its diagnostics come back
 * through {@link MarkerClient}. Editors hand it their text before each request ({@link #sync}).
 */
public final class InProcessServer {

	/**
	 * Far above what any request takes (starting the server and indexing the workspace takes
	 * seconds, later requests well under one): the bound only keeps a stuck request from freezing
	 * the UI.
	 */
	private static final long TIMEOUT_SECONDS = 30;

	private final AlloLanguageServer server;
	private final UriExtensions uris;
	private final MarkerClient client;
	private final Map<String, OpenText> open = new HashMap<>();

	private record OpenText(int version, String text) {
	}

	private InProcessServer(AlloLanguageServer server, UriExtensions uris, IWorkspaceRoot root) {
		this.server = server;
		this.uris = uris;
		this.client = new MarkerClient(new WorkspaceFiles(root), this::textOf);
	}

	public static InProcessServer start(IWorkspaceRoot root) {
		Injector injector = Guice.createInjector(AlloServerModule.create());
		UriExtensions uris = injector.getInstance(UriExtensions.class);
		AlloLanguageServer server = injector.getInstance(AlloLanguageServer.class);
		InProcessServer result = new InProcessServer(server, uris, root);
		server.connect(result.client);
		String rootUri = uris.toUriString(URI.createFileURI(root.getLocation().toOSString()));
		InitializeParams params = new InitializeParams();
		// Xtext 2.42's workspace manager reads the root URI (its single project is the whole folder).
		params.setRootUri(rootUri);
		params.setWorkspaceFolders(List.of(new WorkspaceFolder(rootUri, "workspace")));
		params.setCapabilities(capabilities());
		await(server.initialize(params));
		server.initialized(new InitializedParams());
		return result;
	}

	/** Hierarchical symbols for the quick outline; everything else as Xtext answers by default. */
	private static ClientCapabilities capabilities() {
		TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
		DocumentSymbolCapabilities symbols = new DocumentSymbolCapabilities();
		symbols.setHierarchicalDocumentSymbolSupport(true);
		text.setDocumentSymbol(symbols);
		ClientCapabilities capabilities = new ClientCapabilities();
		capabilities.setTextDocument(text);
		return capabilities;
	}

	public AlloLanguageServer api() {
		return server;
	}

	public MarkerClient client() {
		return client;
	}

	public String uriOf(IFile file) {
		return uris.toUriString(URI.createFileURI(file.getLocation().toOSString()));
	}

	/** Makes {@code text} the server's content of {@code file}; returns the document's identifier. */
	public synchronized TextDocumentIdentifier sync(IFile file, String text) {
		String uri = uriOf(file);
		OpenText known = open.get(uri);
		if (known == null) {
			open.put(uri, new OpenText(1, text));
			server.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "allo", 1, text)));
		} else if (!known.text().equals(text)) {
			int version = known.version() + 1;
			open.put(uri, new OpenText(version, text));
			server.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
					List.of(new TextDocumentContentChangeEvent(text))));
		}
		return new TextDocumentIdentifier(uri);
	}

	/**
	 * Files that changed or disappeared on disk. The server reads files no editor handed over from
	 * disk, so those are announced as file events; a handed-over file gets its saved text (an editor
	 * still showing other text hands that over again with its next request).
	 */
	public synchronized void filesChanged(List<IFile> changed, List<IFile> removed) {
		List<FileEvent> events = new ArrayList<>();
		for (IFile file : changed) {
			String uri = uriOf(file);
			String saved = WorkspaceFiles.savedText(file);
			if (open.containsKey(uri) && saved != null) {
				sync(file, saved);
			} else {
				events.add(new FileEvent(uri, FileChangeType.Changed));
			}
		}
		for (IFile file : removed) {
			String uri = uriOf(file);
			if (open.remove(uri) != null) {
				server.didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
			}
			events.add(new FileEvent(uri, FileChangeType.Deleted));
		}
		if (!events.isEmpty()) {
			server.didChangeWatchedFiles(new DidChangeWatchedFilesParams(events));
		}
	}

	/** The text the server last received for {@code uri}, or null when it reads the file from disk. */
	synchronized String textOf(String uri) {
		OpenText known = open.get(uri);
		return known == null ? null : known.text();
	}

	/** The answer of a request, waiting at most {@value #TIMEOUT_SECONDS} seconds. */
	public static <T> T await(CompletableFuture<T> request) {
		try {
			return request.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the Allo language server", e);
		} catch (ExecutionException | TimeoutException e) {
			throw new IllegalStateException("the Allo language server did not answer: " + e.getMessage(), e);
		}
	}

	public void shutdown() {
		await(server.shutdown());
	}
}
