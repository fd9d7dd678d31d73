package org.allo.lang.tests.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * C simulation of generated projects: g++ with {@code -std=c++17 -Wall -Werror} compiles the testbench and the
 * kernel against the workbench's headers, and the testbench exits 0 only when every output equals the
 * interpreter's bit for bit. Every example design (each schedule with its steps applied) always runs; the
 * codegen cases and every schedule of the schedule corpus run with {@code -Dallo.csim=all} (the
 * {@code csim-all} profile, which CI runs).
 */
class CSimulationTest {

	@TempDir
	Path temp;

	@TestFactory
	Stream<DynamicTest> examples() {
		List<CodegenCases.Design> designs = CodegenCases.examples();
		assertTrue(designs.size() >= 8, "expected at least 8 example kernels that lower, found " + designs.size());
		return designs.stream().map(design -> DynamicTest.dynamicTest(design.name(), () -> passes(design)));
	}

	@TestFactory
	Stream<DynamicTest> codegenCases() {
		if (!"all".equals(System.getProperty("allo.csim"))) {
			return Stream.empty();
		}
		return CodegenCases.caseFiles().stream()
				.map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> passes(CodegenCases.load(file))));
	}

	@TestFactory
	Stream<DynamicTest> scheduleCases() {
		if (!"all".equals(System.getProperty("allo.csim"))) {
			return Stream.empty();
		}
		List<CodegenCases.Design> designs = CodegenCases.scheduleCases();
		assertTrue(designs.size() >= 50, "expected at least 50 scheduled designs in resources/schedule, found " + designs.size());
		return designs.stream().map(design -> DynamicTest.dynamicTest(design.name(), () -> passes(design)));
	}

	/** The testbench really compares: one flipped golden element makes it fail with exit code 1. */
	@Test
	void testbenchRejectsAWrongGoldenValue() throws Exception {
		Path project = CSimulation.generate(CodegenCases.load(CodegenCases.caseFiles().stream()
				.filter(f -> f.getFileName().toString().equals("native_ints.allo")).findFirst().orElseThrow()).module(), temp.resolve("p"));
		Path golden = project.resolve("data/output_0.golden.dat");
		List<String> lines = Files.readAllLines(golden);
		lines.set(3, lines.get(3).endsWith("0") ? lines.get(3).substring(0, 15) + "1" : lines.get(3).substring(0, 15) + "0");
		Files.write(golden, lines);
		CSimulation.Run make = CSimulation.csim(project);
		assertTrue(make.exitCode() != 0, make.output());
		CSimulation.Run testbench = CSimulation.testbench(project);
		assertEquals(1, testbench.exitCode(), testbench.output());
		assertTrue(testbench.output().contains("output_0[3]: expected"), testbench.output());
		assertTrue(testbench.output().contains("TEST FAILED: 1 mismatching elements"), testbench.output());
	}

	private void passes(CodegenCases.Design design) throws Exception {
		Path project = CSimulation.generate(design.module(), temp.resolve(design.name() + ".prj"));
		CSimulation.Run run = CSimulation.csim(project);
		assertEquals(0, run.exitCode(), () -> design.name() + ":\n" + run.output());
		assertTrue(run.output().contains("TEST PASSED"), run.output());
	}
}
