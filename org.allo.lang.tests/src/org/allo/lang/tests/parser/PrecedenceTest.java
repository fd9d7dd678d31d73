package org.allo.lang.tests.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.allo.lang.allo.ExprStmt;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.Statement;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.TestFiles;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.Test;

/**
 * Python's operator precedence and associativity: each assignment of
 * {@code resources/parser/precedence/expressions.allo} is printed fully parenthesised and compared
 * with the reviewed golden file {@code expressions.tree}, line by line.
 */
class PrecedenceTest {

	@Test
	void expressionsParseToTheGoldenTrees() {
		Path folder = TestFiles.resources().resolve("parser/precedence");
		AlloProject project = new AlloProject();
		Resource resource = project.load(folder.resolve("expressions.allo"));
		assertEquals(List.of(), resource.getErrors().stream().map(Object::toString).toList(), "syntax errors");
		List<String> printed = new ArrayList<>();
		Module module = project.module(resource);
		for (Statement statement : module.getStatements()) {
			if (statement instanceof ExprStmt assignment && assignment.getValue() != null) {
				printed.add(ExpressionTreePrinter.print(assignment.getValue()));
			}
		}
		List<String> golden = TestFiles.read(folder.resolve("expressions.tree")).lines().toList();
		assertEquals(golden, printed);
	}
}
