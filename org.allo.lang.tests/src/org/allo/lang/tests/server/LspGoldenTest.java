package org.allo.lang.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.allo.lang.tests.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases for the editor features: {@code resources/lsp/FEATURE/NAME.allo} holds a source
 * with a {@code |} cursor, {@code NAME.expected} what the feature answers there, rendered by
 * {@link LspRender}. A new case is a new pair of files. A mismatch writes the actual answer to
 * {@code target/lsp-actual/FEATURE/NAME.expected} for review.
 */
class LspGoldenTest {

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
	Stream<DynamicContainer> features() throws IOException {
		Path root = TestFiles.resources().resolve("lsp");
		try (Stream<Path> folders = Files.list(root)) {
			return folders.filter(Files::isDirectory).sorted().toList().stream()
					.map(folder -> DynamicContainer.dynamicContainer(folder.getFileName().toString(), cases(folder)));
		}
	}

	private static Stream<DynamicTest> cases(Path folder) {
		String feature = folder.getFileName().toString();
		return TestFiles.alloFiles(folder).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
			LspHarness.Cursor cursor = LspHarness.Cursor.in(TestFiles.read(file));
			String uri = lsp.open(feature + "_" + file.getFileName(), cursor.text());
			String actual;
			try {
				actual = LspRender.answer(lsp, feature, uri, cursor.position());
			} finally {
				lsp.close(uri);
			}
			Path expected = file.resolveSibling(file.getFileName().toString().replace(".allo", ".expected"));
			if (!Files.exists(expected) || !TestFiles.read(expected).equals(actual)) {
				keep(feature, expected.getFileName().toString(), actual);
			}
			assertTrue(Files.exists(expected), "missing " + expected + "; the answer was:\n" + actual);
			assertEquals(TestFiles.read(expected), actual);
		}));
	}

	private static void keep(String feature, String name, String actual) {
		try {
			Path folder = Path.of("target", "lsp-actual", feature);
			Files.createDirectories(folder);
			Files.writeString(folder.resolve(name), actual);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
