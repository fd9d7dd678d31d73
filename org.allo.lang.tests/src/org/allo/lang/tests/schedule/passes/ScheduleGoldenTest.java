package org.allo.lang.tests.schedule.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.allo.lang.ir.printer.IrPrinter;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.scoping.Names;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.TestFiles;
import org.allo.lang.validation.Diagnostic;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden schedule cases: {@code resources/schedule/NAME.allo} is applied schedule by schedule;
 * {@code NAME.ir} holds, for each schedule in source order, a {@code # schedule: s} line followed
 * by the reviewed IR after its last step, or the diagnostic that refused a step.
 */
class ScheduleGoldenTest {

	@TestFactory
	Stream<DynamicTest> scheduleCases() {
		Path folder = TestFiles.resources().resolve("schedule");
		return TestFiles.alloFiles(folder).stream()
				.map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
	}

	private static void check(Path file) throws Exception {
		AlloProject project = new AlloProject();
		Resource resource = project.load(file);
		assertEquals(List.of(), project.formatted(resource).stream().filter(line -> line.contains(": error: ")).toList(),
				"a schedule case must be free of check errors (performance warnings may remain)");
		ScheduleApplier applier = AlloProject.injector().getInstance(ScheduleApplier.class);
		StringBuilder actual = new StringBuilder();
		for (Schedule schedule : ScheduleSteps.of(project.module(resource))) {
			AppliedSchedule applied = applier.apply(schedule);
			actual.append("# schedule: ").append(Names.nameOf(schedule.binding())).append('\n');
			actual.append(applied.succeeded() ? IrPrinter.print(applied.module())
					: applied.errors().stream().map(Diagnostic::format).collect(Collectors.joining("\n", "", "\n")));
		}
		Path golden = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.allo$", ".ir"));
		String expected = Files.exists(golden) ? Files.readString(golden) : "";
		if (!expected.equals(actual.toString())) {
			// for review: the reviewed output replaces the golden file by hand
			Path review = Path.of("target", "golden-actual", "schedule").resolve(golden.getFileName());
			Files.createDirectories(review.getParent());
			Files.writeString(review, actual);
		}
		assertEquals(expected, actual.toString(), "the IR differs from " + golden.getFileName());
	}
}
