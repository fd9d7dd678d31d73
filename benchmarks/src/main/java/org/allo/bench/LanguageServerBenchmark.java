package org.allo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.allo.lang.ide.server.AlloLanguageServer;
import org.allo.lang.ide.server.AlloServerModule;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import com.google.inject.Guice;

/**
 * Editor latency on a generated 5,000-line module open in the language server (in process, as the
 * editor's requests reach it): completion and hover inside the last kernel, and the time from an
 * edit (each one a new text: in a comment, or in a kernel) to its diagnostics (the server publishes
 * them at the end of the rebuild the edit starts).
 * Sample-time mode, so that JMH reports percentiles (p0.95 is the target).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LanguageServerBenchmark {

	static final int LINES = 5_000;

	/** A server with the module open. */
	@State(Scope.Benchmark)
	public static class OpenModule {
		AlloLanguageServer server;
		String uri;
		String text;
		Position tensorUse;
		Position commentEnd;
		String commentSuffix = "";
		Position kernelNumber;
		String kernelNumberText = "100";
		int version = 1;
		private Path root;

		@Setup(Level.Trial)
		public void setUp() throws Exception {
			root = Files.createTempDirectory("allo-lsp-bench");
			server = start(root);
			text = ModuleGenerator.generate(LINES);
			uri = root.resolve("module.allo").toUri().toString();
			server.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "allo", version, text)));
			tensorUse = positionOf(text, text.lastIndexOf("A[i, k] * B[k, j]") + 1);
			int comment = text.lastIndexOf("# templated matrix product");
			commentEnd = positionOf(text, comment + "# templated matrix product".length());
			kernelNumber = positionOf(text, text.lastIndexOf("hits -= 100") + "hits -= ".length());
			barrier();
		}

		void barrier() throws Exception {
			server.getRequestManager().runRead(cancel -> null).get();
		}

		@TearDown(Level.Trial)
		public void tearDown() throws Exception {
			server.shutdown().get();
			deleteTree(root);
		}
	}

	@Benchmark
	public Object completion(OpenModule module) throws Exception {
		return module.server.completion(new CompletionParams(new TextDocumentIdentifier(module.uri), module.tensorUse)).get();
	}

	@Benchmark
	public Hover hover(OpenModule module) throws Exception {
		return module.server.hover(new HoverParams(new TextDocumentIdentifier(module.uri), module.tensorUse)).get();
	}

	/**
	 * Rewrites the end of a comment with the version number (so that no version of the file repeats
	 * an earlier one, as while typing) and waits for the rebuilt diagnostics.
	 */
	@Benchmark
	public int diagnosticsAfterChange(OpenModule module) throws Exception {
		String replaced = module.commentSuffix;
		module.commentSuffix = " " + (module.version + 1);
		return replaceAndWait(module, module.commentEnd, replaced, module.commentSuffix);
	}

	/**
	 * Rewrites a number inside the last kernel that has one ({@code hits -= 100}, a new number each
	 * time) and waits for the rebuilt diagnostics: the checks of that kernel and of its schedule's
	 * statements run again, and its schedule is applied again.
	 */
	@Benchmark
	public int diagnosticsAfterKernelEdit(OpenModule module) throws Exception {
		String replaced = module.kernelNumberText;
		module.kernelNumberText = Integer.toString(100 + module.version + 1);
		return replaceAndWait(module, module.kernelNumber, replaced, module.kernelNumberText);
	}

	/** Replaces {@code replaced} at {@code at} (on one line) by {@code text}, as a new version, and waits for its diagnostics. */
	private static int replaceAndWait(OpenModule module, Position at, String replaced, String text) throws Exception {
		module.version++;
		Position end = new Position(at.getLine(), at.getCharacter() + replaced.length());
		TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(new org.eclipse.lsp4j.Range(at, end), text);
		module.server.didChange(new DidChangeTextDocumentParams(
				new VersionedTextDocumentIdentifier(module.uri, module.version), List.of(change)));
		module.barrier();
		return module.version;
	}

	static AlloLanguageServer start(Path root) throws Exception {
		AlloLanguageServer server = Guice.createInjector(AlloServerModule.create()).getInstance(AlloLanguageServer.class);
		server.connect(new QuietClient());
		InitializeParams params = new InitializeParams();
		params.setRootUri(root.toUri().toString());
		params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "bench")));
		server.initialize(params).get();
		server.initialized(new InitializedParams());
		return server;
	}

	static Position positionOf(String text, int offset) {
		String before = text.substring(0, offset);
		int line = (int) before.chars().filter(c -> c == '\n').count();
		return new Position(line, offset - (before.lastIndexOf('\n') + 1));
	}

	static void deleteTree(Path root) throws IOException {
		try (var files = Files.walk(root)) {
			for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	/** An editor that ignores what the server tells it. */
	static final class QuietClient implements LanguageClient {
		@Override
		public void telemetryEvent(Object object) {
		}

		@Override
		public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
		}

		@Override
		public void showMessage(MessageParams messageParams) {
		}

		@Override
		public java.util.concurrent.CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
			return java.util.concurrent.CompletableFuture.completedFuture(null);
		}

		@Override
		public void logMessage(MessageParams message) {
		}
	}
}
