package org.allo.lang.tests.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.allo.lang.allo.ExprStmt;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.TestFiles;
import org.allo.lang.types.TypeService;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each file of {@code resources/types} holds expression statements ending in {@code # type: T}:
 * {@link TypeService#typeOf} must give exactly T for each, and the file must check cleanly.
 */
class TypeTableTest {

	private static final String MARK = "# type: ";

	@TestFactory
	Stream<DynamicTest> annotatedExpressionsHaveTheirTypes() {
		Path folder = TestFiles.resources().resolve("types");
		return TestFiles.alloFiles(folder).stream().flatMap(file -> {
			AlloProject project = new AlloProject();
			Resource resource = project.load(file);
			List<String> lines = List.of(TestFiles.read(file).split("\r?\n", -1));
			List<DynamicTest> tests = new ArrayList<>();
			tests.add(DynamicTest.dynamicTest(file.getFileName() + " checks cleanly",
					() -> assertEquals(List.of(), project.formatted(resource))));
			TypeService types = AlloProject.injector().getInstance(TypeService.class);
			int annotated = 0;
			for (ExprStmt statement : EcoreUtil2.getAllContentsOfType(project.module(resource), ExprStmt.class)) {
				ICompositeNode node = NodeModelUtils.getNode(statement);
				String line = lines.get(node.getStartLine() - 1);
				int mark = line.indexOf(MARK);
				if (statement.getOp() != null || mark < 0) {
					continue;
				}
				annotated++;
				String expected = line.substring(mark + MARK.length()).trim();
				String source = line.substring(0, line.indexOf('#')).trim();
				tests.add(DynamicTest.dynamicTest(node.getStartLine() + ": " + source,
						() -> assertEquals(expected, types.typeOf(statement.getExpr()).display(), source)));
			}
			int count = annotated;
			tests.add(DynamicTest.dynamicTest(file.getFileName() + " has annotated lines",
					() -> assertTrue(count >= 10, "expected at least 10 '# type:' lines, found " + count)));
			return tests.stream();
		});
	}
}
