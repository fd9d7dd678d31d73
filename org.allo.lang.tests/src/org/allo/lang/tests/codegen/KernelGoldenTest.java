package org.allo.lang.tests.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.allo.codegen.kernel.KernelEmitter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden kernel.cpp files: {@code resources/codegen/NAME.allo} against the reviewed {@code NAME.kernel.cpp}.
 * {@code ./mvnw verify -Dallo.regenerate=true} rewrites the golden files (review the diff before committing).
 */
class KernelGoldenTest {

	@TestFactory
	Stream<DynamicTest> kernelCases() {
		return CodegenCases.caseFiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
	}

	private static void check(Path file) throws Exception {
		String actual = KernelEmitter.emit(CodegenCases.load(file).module()).kernelCpp();
		Path golden = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.allo$", ".kernel.cpp"));
		if (Boolean.getBoolean("allo.regenerate")) {
			Files.writeString(golden, actual);
		}
		assertEquals(Files.readString(golden), actual);
	}
}
