package org.allo.lang.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.allo.lang.tests.TestFiles;
import org.allo.lang.tests.parser.InvalidCorpusTest;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The server publishes exactly what {@code allo check} reports: every rejected validation case and
 * every parser error case gives its {@code # expect:} lines, every example gives nothing. This
 * catches a server that checks less than the command line (the fat-jar trap publishes nothing).
 */
class LspDiagnosticsTest {

	private static LspHarness lsp;

	@BeforeAll
	static void start() {
		lsp = new LspHarness();
	}

	@AfterAll
	static void stop() {
		lsp.close();
	}

	@TestFactory
	Stream<DynamicTest> rejectedValidationCases() {
		return matchTheHeader(TestFiles.resources().resolve("validation/rejected"));
	}

	@TestFactory
	Stream<DynamicTest> parserErrorCases() {
		return matchTheHeader(TestFiles.resources().resolve("parser/invalid"));
	}

	/** All examples open at once, since one imports another. */
	@TestFactory
	Stream<DynamicTest> examplesAreClean() {
		List<Path> examples = TestFiles.alloFiles(TestFiles.repository().resolve("examples"));
		List<String> uris = examples.stream().map(file -> lsp.open(file.getFileName().toString(), TestFiles.read(file))).toList();
		return uris.stream().map(uri -> DynamicTest.dynamicTest(uri.substring(uri.lastIndexOf('/') + 1),
				() -> assertEquals(List.of(), lsp.diagnostics(uri).stream().map(LspDiagnosticsTest::format).toList())));
	}

	private static Stream<DynamicTest> matchTheHeader(Path folder) {
		return TestFiles.alloFiles(folder).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
				() -> assertEquals(InvalidCorpusTest.expectations(TestFiles.read(file)), diagnosticsOf(file))));
	}

	private static List<String> diagnosticsOf(Path file) {
		String uri = lsp.open(file.getFileName().toString(), TestFiles.read(file));
		try {
			return lsp.diagnostics(uri).stream().map(LspDiagnosticsTest::format).toList();
		} finally {
			lsp.close(uri);
		}
	}

	static String format(Diagnostic diagnostic) {
		String severity = switch (diagnostic.getSeverity()) {
		case Error -> "error";
		case Warning -> "warning";
		case Information -> "info";
		case Hint -> "hint";
		};
		return (diagnostic.getRange().getStart().getLine() + 1) + ":" + (diagnostic.getRange().getStart().getCharacter() + 1)
				+ ": " + severity + ": " + diagnostic.getMessage().getLeft().replace('\n', ' ').replace('\r', ' ') + " ["
				+ diagnostic.getCode().getLeft() + "]";
	}
}
