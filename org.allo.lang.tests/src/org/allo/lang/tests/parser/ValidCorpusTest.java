package org.allo.lang.tests.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.TestFiles;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of {@code resources/parser/valid}, of {@code resources/validation/accepted} and every
 * example checks with no diagnostic at all,
 * and checks the same with CRLF line ends, giving the same model.
 */
class ValidCorpusTest {

	@TestFactory
	Stream<DynamicTest> validFilesHaveNoDiagnostics() {
		return noDiagnostics(TestFiles.resources().resolve("parser/valid"));
	}

	@TestFactory
	Stream<DynamicTest> acceptedValidationCasesHaveNoDiagnostics() {
		return noDiagnostics(TestFiles.resources().resolve("validation/accepted"));
	}

	@TestFactory
	Stream<DynamicTest> examplesHaveNoDiagnostics() {
		return noDiagnostics(TestFiles.repository().resolve("examples"));
	}

	@TestFactory
	Stream<DynamicTest> polybenchExamplesHaveNoDiagnostics() {
		return noDiagnostics(TestFiles.repository().resolve("examples/polybench"));
	}

	@TestFactory
	Stream<DynamicTest> crlfLineEndsGiveTheSameModel() {
		Path folder = TestFiles.resources().resolve("parser/valid");
		return TestFiles.alloFiles(folder).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
			AlloProject project = new AlloProject().loadFolder(folder);
			Resource lf = project.load(file);
			String text = TestFiles.read(file);
			Resource crlf = project.add("crlf_" + file.getFileName(), text.replace("\n", "\r\n"));
			assertEquals(List.of(), project.formatted(crlf), "diagnostics with CRLF line ends");
			assertTrue(EcoreUtil.equals(lf.getContents(), crlf.getContents()), "the CRLF file parsed to another model");
		}));
	}

	@Test
	void corpusCoversTheRequiredConstructs() {
		List<String> names = new ArrayList<>();
		TestFiles.alloFiles(TestFiles.resources().resolve("parser/valid"))
				.forEach(file -> names.add(file.getFileName().toString()));
		for (String required : List.of("stmt_while.allo", "expr_precedence.allo", "annot_strings.allo",
				"template_pep695.allo", "decorators_dataflow.allo", "line_continuation.allo", "only_comments.allo",
				"empty.allo", "poly_2mm.allo", "poly_jacobi_2d.allo")) {
			assertTrue(names.contains(required), () -> "missing corpus file " + required);
		}
		assertFalse(TestFiles.alloFiles(TestFiles.repository().resolve("examples")).size() < 10, "fewer than 10 examples");
	}

	private static Stream<DynamicTest> noDiagnostics(Path folder) {
		AlloProject project = new AlloProject().loadFolder(folder);
		return TestFiles.alloFiles(folder).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
				() -> assertEquals(List.of(), project.formatted(project.load(file)))));
	}
}
