package org.allo.lang.tests.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.TestFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each file of {@code resources/parser/invalid} and {@code resources/validation/rejected} states
 * its diagnostics in a header,
 * {@code # expect: line:col: severity: message [code]}, one per line in source order; the file must
 * produce exactly those. A new case is a new file.
 */
public class InvalidCorpusTest {

	private static final String EXPECT = "# expect: ";

	@TestFactory
	Stream<DynamicTest> parserCases() {
		return diagnosticsMatchTheHeader(TestFiles.resources().resolve("parser/invalid"));
	}

	@TestFactory
	Stream<DynamicTest> validationCases() {
		return diagnosticsMatchTheHeader(TestFiles.resources().resolve("validation/rejected"));
	}

	private static Stream<DynamicTest> diagnosticsMatchTheHeader(Path folder) {
		return TestFiles.alloFiles(folder).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
			List<String> expected = expectations(TestFiles.read(file));
			assertFalse(expected.isEmpty(), "an invalid case must expect at least one diagnostic");
			AlloProject project = new AlloProject();
			assertEquals(expected, project.formatted(project.load(file)));
		}));
	}

	public static List<String> expectations(String text) {
		List<String> result = new ArrayList<>();
		for (String line : text.split("\r?\n")) {
			if (!line.startsWith(EXPECT)) {
				break;
			}
			result.add(line.substring(EXPECT.length()));
		}
		return result;
	}
}
