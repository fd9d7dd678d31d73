package org.allo.lang.tests.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.ir.printer.IrPrinter;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.TestFiles;
import org.allo.lang.validation.Diagnostic;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden lowering cases: {@code resources/lowering/NAME.allo} names its kernel in a
 * {@code # kernel: K} header; {@code NAME.ir} holds the reviewed IrPrinter text of the lowered
 * module, or the diagnostics when the lowering refuses the kernel.
 */
class LoweringGoldenTest {

	private static final Pattern KERNEL = Pattern.compile("^# kernel: (\\w+)", Pattern.MULTILINE);

	@TestFactory
	Stream<DynamicTest> loweringCases() {
		Path folder = TestFiles.resources().resolve("lowering");
		return TestFiles.alloFiles(folder).stream()
				.map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
	}

	private static void check(Path file) throws Exception {
		AlloProject project = new AlloProject();
		Resource resource = project.load(file);
		assertEquals(List.of(), project.formatted(resource), "a lowering case must be free of diagnostics");
		Matcher header = KERNEL.matcher(TestFiles.read(file));
		assertNotNull(header.find() ? header.group(1) : null, "missing '# kernel: NAME' header");
		FunctionDef kernel = project.module(resource).getStatements().stream().filter(FunctionDef.class::isInstance)
				.map(FunctionDef.class::cast).filter(f -> f.getName().equals(header.group(1))).findFirst().orElseThrow();
		LoweringResult result = AlloProject.injector().getInstance(Lowering.class).lower(kernel);
		String actual = result.succeeded() ? IrPrinter.print(result.module())
				: result.errors().stream().map(Diagnostic::format).collect(Collectors.joining("\n", "", "\n"));
		Path golden = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.allo$", ".ir"));
		assertEquals(Files.readString(golden), actual);
	}
}
