package org.allo.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.allo.lang.ide.server.AlloLanguageServer;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Heap the language server holds with 100 files of 500 generated lines open (50,000 lines): the
 * secondary result {@code heapMegabytes} is the used heap after a full GC, once all are checked.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OpenFilesHeapBenchmark {

	static final int FILES = 100;
	static final int LINES_PER_FILE = 500;

	/** The used heap after opening the files, as JMH's secondary result. */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class Heap {
		public long heapMegabytes;

		@Setup(Level.Iteration)
		public void clear() {
			heapMegabytes = 0;
		}
	}

	@Benchmark
	public AlloLanguageServer open100Files(Heap heap) throws Exception {
		Path root = Files.createTempDirectory("allo-lsp-heap");
		AlloLanguageServer server = LanguageServerBenchmark.start(root);
		String text = ModuleGenerator.generate(LINES_PER_FILE);
		for (int i = 0; i < FILES; i++) {
			String uri = root.resolve("module_" + i + ".allo").toUri().toString();
			server.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "allo", 1, text)));
		}
		server.getRequestManager().runRead(cancel -> null).get();
		Runtime runtime = Runtime.getRuntime();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		heap.heapMegabytes = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
		server.shutdown().get();
		LanguageServerBenchmark.deleteTree(root);
		return server;
	}
}
