package org.allo.lang.tests.server;

import static org.allo.lang.tests.server.LspHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;

import org.allo.lang.tests.TestFiles;
import org.allo.lang.util.LoggedErrors;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

/**
 * Random edits replayed through didChange, as fast as a typist could never send them, with
 * requests in between: nothing may crash (no request fails, nothing is logged as an error), and
 * the diagnostics at the end equal those of the final text opened afresh. The number of edits is
 * {@code -Dallo.lsp.edits} (300 by default; the {@code lsp-stress} profile replays 10,000).
 */
class RandomEditsTest {

	private static final String[] SNIPPETS = { "", " ", "\n", "    ", "(", ")", "[", "]", ":", ",", "\"", "'", "#", "x",
			"1", ".", "=", "+", "for i in range(4):\n    ", "if x:\n", "s.split(\"i\", 4)\n", "s.pipeline(\"j\")",
			"def f(a: int32) -> int32:\n    return a\n", "C[i, j]", "\\\n", "\t", "int32", "allo.grid(8, 8)", "'''" };

	@Test
	void randomEditsNeverCrashAndEndWhereAFreshOpenEnds() {
		int edits = Integer.getInteger("allo.lsp.edits", 300);
		long seed = Long.getLong("allo.lsp.seed", 20261121L);
		LoggedErrors.Result<List<String>> run = LoggedErrors.capture(() -> replay(edits, seed));
		assertNull(run.firstError(), "an error was logged during the edits (seed " + seed + ")");
		List<String> fresh = freshDiagnostics(run.value().get(0));
		assertEquals(fresh, run.value().subList(1, run.value().size()), "seed " + seed);
	}

	/** The final text, then the diagnostics the edited document ended with. */
	private static List<String> replay(int edits, long seed) {
		Random random = new Random(seed);
		StringBuilder text = new StringBuilder(TestFiles.read(TestFiles.repository().resolve("examples/gemm.allo")));
		try (LspHarness lsp = new LspHarness()) {
			String uri = lsp.open("edited.allo", text.toString());
			TextDocumentIdentifier document = new TextDocumentIdentifier(uri);
			for (int i = 0; i < edits; i++) {
				int start = random.nextInt(text.length() + 1);
				int end = Math.min(text.length(), start + (random.nextInt(4) == 0 ? random.nextInt(12) : 0));
				String inserted = SNIPPETS[random.nextInt(SNIPPETS.length)];
				Range range = new Range(positionOf(text, start), positionOf(text, end));
				text.replace(start, end, inserted);
				lsp.change(uri, new TextDocumentContentChangeEvent(range, inserted));
				if (i % 50 == 49) {
					requests(lsp, document, positionOf(text, random.nextInt(text.length() + 1)));
				}
			}
			List<String> result = new java.util.ArrayList<>();
			result.add(text.toString());
			for (Diagnostic diagnostic : lsp.diagnostics(uri)) {
				result.add(LspDiagnosticsTest.format(diagnostic));
			}
			return result;
		}
	}

	private static void requests(LspHarness lsp, TextDocumentIdentifier document, Position position) {
		var server = lsp.server();
		await(server.hover(new HoverParams(document, position)));
		await(server.completion(new CompletionParams(document, position)));
		await(server.semanticTokensFull(new SemanticTokensParams(document)));
		await(server.documentSymbol(new DocumentSymbolParams(document)));
		await(server.foldingRange(new FoldingRangeRequestParams(document)));
		await(server.inlayHint(new InlayHintParams(document, new Range(new Position(0, 0), position))));
	}

	private static List<String> freshDiagnostics(String text) {
		try (LspHarness lsp = new LspHarness()) {
			String uri = lsp.open("edited.allo", text);
			return lsp.diagnostics(uri).stream().map(LspDiagnosticsTest::format).toList();
		}
	}

	private static Position positionOf(CharSequence text, int offset) {
		int line = 0;
		int lineStart = 0;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new Position(line, offset - lineStart);
	}
}
