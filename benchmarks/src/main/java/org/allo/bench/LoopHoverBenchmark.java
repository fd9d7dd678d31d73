package org.allo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.allo.lang.ide.server.AlloLanguageServer;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The loop hover with its estimate (issue 11) on a PolyBench kernel at the "medium" size
 * ({@code examples/polybench/gemm.allo}, four schedule steps): once the estimates of the file's
 * version are cached, and as the first hover after an edit, which applies the schedule step by
 * step and estimates each step. Sample time, so that JMH reports percentiles (target: 50 ms).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoopHoverBenchmark {

	@State(Scope.Benchmark)
	public static class OpenKernel {
		AlloLanguageServer server;
		String uri;
		String text;
		Position loop;
		int version = 1;
		private Path root;

		@Setup(Level.Trial)
		public void setUp() throws Exception {
			root = Files.createTempDirectory("allo-hover-bench");
			server = LanguageServerBenchmark.start(root);
			text = Files.readString(Path.of(System.getProperty("allo.examples", "../examples"), "polybench", "gemm.allo"));
			uri = root.resolve("gemm.allo").toUri().toString();
			server.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "allo", version, text)));
			loop = LanguageServerBenchmark.positionOf(text, text.indexOf("k0 in allo.reduction"));
			barrier();
		}

		void barrier() throws Exception {
			server.getRequestManager().runRead(cancel -> null).get();
		}

		@TearDown(Level.Trial)
		public void tearDown() throws Exception {
			server.shutdown().get();
			LanguageServerBenchmark.deleteTree(root);
		}
	}

	/** A new version of the same text, rebuilt before the measured hover: its estimates are not cached. */
	@State(Scope.Benchmark)
	public static class Edited {
		@Setup(Level.Invocation)
		public void edit(OpenKernel kernel) throws Exception {
			kernel.version++;
			kernel.server.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(kernel.uri, kernel.version),
					List.of(new TextDocumentContentChangeEvent(kernel.text))));
			kernel.barrier();
		}
	}

	@Benchmark
	public Hover cached(OpenKernel kernel) throws Exception {
		return hover(kernel);
	}

	@Benchmark
	public Hover firstAfterEdit(OpenKernel kernel, Edited edited) throws Exception {
		return hover(kernel);
	}

	private static Hover hover(OpenKernel kernel) throws Exception {
		return kernel.server.hover(new HoverParams(new TextDocumentIdentifier(kernel.uri), kernel.loop)).get();
	}
}
