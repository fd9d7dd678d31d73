package org.allo.lang.tests.schedule.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.scoping.Names;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.TestFiles;
import org.allo.lang.tests.schedule.Simulations;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every schedule of every case in {@code resources/schedule} computes what its kernel computes
 * unscheduled: both run in the interpreter on the same random inputs (several seeds), and every
 * written argument and result must agree (bit for bit for integers and fixed point).
 */
class ScheduleSimulationTest {

	private static final long[] SEEDS = { 1, 2, 3 };

	@TestFactory
	Stream<DynamicTest> scheduledKernelsComputeWhatTheKernelComputes() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Path file : TestFiles.alloFiles(TestFiles.resources().resolve("schedule"))) {
			AlloProject project = new AlloProject();
			Resource resource = project.load(file);
			for (Schedule schedule : ScheduleSteps.of(project.module(resource))) {
				String name = file.getFileName() + " " + Names.nameOf(schedule.binding());
				tests.add(DynamicTest.dynamicTest(name, () -> check(schedule)));
			}
		}
		assertTrue(tests.size() >= 40, "the schedule corpus has " + tests.size() + " schedules");
		return tests.stream();
	}

	private static void check(Schedule schedule) throws Exception {
		AppliedSchedule applied = AlloProject.injector().getInstance(ScheduleApplier.class).apply(schedule);
		assertTrue(applied.succeeded(), () -> applied.errors().toString());
		LoweringResult unscheduled = AlloProject.injector().getInstance(Lowering.class).lower(schedule.kernel());
		for (long seed : SEEDS) {
			assertEquals(Optional.empty(), Simulations.firstDifference(unscheduled.module(), applied.module(), seed), "seed " + seed);
		}
	}
}
