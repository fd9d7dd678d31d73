package org.allo.lang.tests.fastsim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.TestFiles;
import org.allo.lang.validation.Diagnostic;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Fast mode against the interpreter on every kernel that lowers in the kernel corpora: the lowering
 * golden cases, the simulation cases (resources/simulation, when present), the accepted validation
 * cases and every example. Each kernel runs with several seeds, small and full-range random inputs, and
 * several calls in a row (so stateful buffers carry over); results, written arguments, step counts and
 * errors must agree bit for bit, and fast mode must not fall back. Dataflow regions are left out: fast
 * mode hands them to the interpreter's scheduler by design (DataflowCommandTest checks the reason).
 */
class FastModeDifferentialTest {

	private static final long[] SEEDS = { 1, 2, 3, 4, 5, 6 };
	private static final int CALLS = 2;

	record Kernel(String name, IrModule module) {
		IrFunction top() {
			return module.getFunctions().stream().filter(IrFunction::isTop).findFirst().orElseThrow();
		}
	}

	@TestFactory
	Stream<DynamicTest> fastModeAgreesWithTheInterpreter() {
		return corpus().stream().flatMap(kernel -> java.util.Arrays.stream(SEEDS).mapToObj(seed -> DynamicTest.dynamicTest(
				kernel.name() + " seed " + seed, () -> Engines.assertAgree(kernel.module(), kernel.top(), seed, CALLS))));
	}

	@Test
	void theCorpusIsLarge() {
		assertTrue(corpus().size() >= 25, "only " + corpus().size() + " kernels lower");
	}

	static List<Kernel> corpus() {
		List<Kernel> kernels = new ArrayList<>();
		Path resources = TestFiles.resources();
		for (Path folder : List.of(resources.resolve("lowering"), resources.resolve("simulation"),
				resources.resolve("validation/accepted"))) {
			if (Files.isDirectory(folder)) {
				for (Path file : TestFiles.alloFiles(folder)) {
					AlloProject project = new AlloProject();
					kernels.addAll(lowered(project, project.load(file), folder.getFileName() + "/"));
				}
			}
		}
		Path examples = TestFiles.repository().resolve("examples");
		AlloProject project = new AlloProject().loadFolder(examples);
		for (Path file : TestFiles.alloFiles(examples)) {
			kernels.addAll(lowered(project, project.load(file), "examples/"));
		}
		return kernels;
	}

	/** Every function of a diagnostic-free file that lowers (templates without arguments do not). */
	private static List<Kernel> lowered(AlloProject project, Resource resource, String prefix) {
		List<Kernel> kernels = new ArrayList<>();
		if (project.check(resource).stream().anyMatch(Diagnostic::isError)) {
			return kernels;
		}
		String file = resource.getURI().lastSegment();
		Lowering lowering = AlloProject.injector().getInstance(Lowering.class);
		project.module(resource).getStatements().stream().filter(FunctionDef.class::isInstance).map(FunctionDef.class::cast)
				.forEach(function -> {
					LoweringResult result = lowering.lower(function);
					if (result.succeeded() && result.module().getFunctions().stream().noneMatch(IrFunction::isRegion)) {
						kernels.add(new Kernel(prefix + file + ":" + function.getName(), result.module()));
					}
				});
		return kernels;
	}
}
