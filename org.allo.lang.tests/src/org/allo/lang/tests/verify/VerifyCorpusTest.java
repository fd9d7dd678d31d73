package org.allo.lang.tests.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.TestFiles;
import org.allo.lang.verify.Counterexample;
import org.allo.lang.verify.EquivalenceChecker;
import org.allo.lang.verify.Verdict;
import org.allo.lang.verify.VerifyOptions;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * File-based pairs: {@code resources/verify/NAME.allo} starts with {@code # expect: VERDICT} (the
 * summary's first words: equivalent, equivalent up to reassociation, not equivalent, cannot verify)
 * and defines two schedules; the first is checked against the second. A counterexample must make
 * the interpreter disagree at the reported element with the reported values.
 */
class VerifyCorpusTest {

	@TestFactory
	Stream<DynamicTest> pairs() {
		Path folder = TestFiles.resources().resolve("verify");
		return TestFiles.alloFiles(folder).stream()
				.map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
	}

	private static void check(Path file) throws Exception {
		String expected = TestFiles.read(file).lines().findFirst().orElseThrow().replaceFirst("^# expect: ", "");
		AlloProject project = new AlloProject();
		Resource resource = project.load(file);
		assertEquals(List.of(), project.formatted(resource), "a verify case must be free of check diagnostics");
		List<Schedule> schedules = ScheduleSteps.of(project.module(resource));
		EquivalenceChecker checker = AlloProject.injector().getInstance(EquivalenceChecker.class);
		Verdict verdict = checker.against(schedules.get(0), schedules.get(1), VerifyOptions.defaults());
		assertTrue(verdict.summary().startsWith(expected + ":") || verdict.summary().equals(expected)
				|| verdict.summary().startsWith(expected + " ("), () -> "expected " + expected + ", got " + verdict.summary());
		if (verdict.kind() == Verdict.Kind.NOT_EQUIVALENT) {
			ScheduleApplier applier = AlloProject.injector().getInstance(ScheduleApplier.class);
			assertReproduced(verdict.counterexample(), applier.apply(schedules.get(0)).module(), applier.apply(schedules.get(1)).module());
		}
	}

	static void assertReproduced(Counterexample counterexample, org.allo.lang.ir.IrModule before, org.allo.lang.ir.IrModule after)
			throws Exception {
		assertNotNull(counterexample, "a non-equivalent verdict needs a counterexample");
		Map<String, Double> first = Simulations.outputs(before, counterexample.arguments());
		Map<String, Double> second = Simulations.outputs(after, counterexample.arguments());
		String place = counterexample.place();
		assertNotNull(first.get(place), () -> place + " is not an output: " + first.keySet());
		assertEquals(Double.parseDouble(counterexample.before()), first.get(place), place);
		assertEquals(Double.parseDouble(counterexample.after()), second.get(place), place);
		assertNotEquals(first.get(place), second.get(place), place);
	}
}
