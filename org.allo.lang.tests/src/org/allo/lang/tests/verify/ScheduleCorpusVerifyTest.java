package org.allo.lang.tests.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.scoping.Names;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.TestFiles;
import org.allo.lang.verify.EquivalenceChecker;
import org.allo.lang.verify.EquivalenceChecker.StepVerdict;
import org.allo.lang.verify.VerifyOptions;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every step of every schedule in the schedule corpus ({@code resources/schedule}), which applies
 * every primitive that has a pass, is proven equivalent to the kernel unscheduled: the checker and
 * the passes vouch for each other (a pass bug or a checker bug shows up here as a failing step).
 */
class ScheduleCorpusVerifyTest {

	/** Float kernels whose schedules regroup a sum are accepted as equal up to reassociation. */
	private static final VerifyOptions OPTIONS = VerifyOptions.defaults().acceptingReassociation(true);

	@TestFactory
	Stream<DynamicTest> everyStepOfTheScheduleCorpusIsProvenEquivalent() {
		Path folder = TestFiles.resources().resolve("schedule");
		return TestFiles.alloFiles(folder).stream()
				.map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
	}

	private static void check(Path file) throws Exception {
		AlloProject project = new AlloProject();
		Resource resource = project.load(file);
		EquivalenceChecker checker = AlloProject.injector().getInstance(EquivalenceChecker.class);
		for (Schedule schedule : ScheduleSteps.of(project.module(resource))) {
			List<StepVerdict> verdicts = checker.verifySteps(schedule, OPTIONS, EquivalenceChecker.Progress.NONE);
			assertEquals(schedule.steps().size(), verdicts.size(), "one verdict per step of " + Names.nameOf(schedule.binding()));
			for (StepVerdict verdict : verdicts) {
				assertTrue(verdict.verdict().proven(OPTIONS), file.getFileName() + " schedule " + Names.nameOf(schedule.binding()) + ": " + verdict.line());
			}
		}
	}
}
