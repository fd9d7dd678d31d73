package org.allo.lang.tests.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.allo.lang.ide.format.AlloFormatter;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.TestFiles;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The formatter: golden cases ({@code resources/format/NAME.allo} formats to {@code NAME.expected});
 * on every example and valid corpus file it only changes whitespace (the formatted text parses to
 * the same model, with no new diagnostic) and formatting twice changes nothing.
 */
class AlloFormatterTest {

	@TestFactory
	Stream<DynamicTest> goldenCases() {
		Path folder = TestFiles.resources().resolve("format");
		return TestFiles.alloFiles(folder).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
			Path expected = file.resolveSibling(file.getFileName().toString().replace(".allo", ".expected"));
			assertEquals(TestFiles.read(expected), AlloFormatter.format(TestFiles.read(file)));
		}));
	}

	@TestFactory
	Stream<DynamicTest> examplesKeepTheirModel() {
		return sameModelAndIdempotent(TestFiles.repository().resolve("examples"));
	}

	@TestFactory
	Stream<DynamicTest> validCorpusKeepsItsModel() {
		return sameModelAndIdempotent(TestFiles.resources().resolve("parser/valid"));
	}

	@TestFactory
	Stream<DynamicTest> acceptedCasesKeepTheirModel() {
		return sameModelAndIdempotent(TestFiles.resources().resolve("validation/accepted"));
	}

	private static Stream<DynamicTest> sameModelAndIdempotent(Path folder) {
		AlloProject project = new AlloProject().loadFolder(folder);
		return TestFiles.alloFiles(folder).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
			Resource original = project.load(file);
			String formatted = AlloFormatter.format(TestFiles.read(file));
			Resource reformatted = project.add("formatted_" + file.getFileName(), formatted);
			assertEquals(List.of(), project.formatted(reformatted), "diagnostics after formatting:\n" + formatted);
			assertTrue(EcoreUtil.equals(original.getContents(), reformatted.getContents()),
					"formatting changed the model:\n" + formatted);
			assertEquals(formatted, AlloFormatter.format(formatted), "formatting is not idempotent");
		}));
	}
}
