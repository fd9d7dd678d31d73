package org.allo.lang.tests.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.printer.IrPrinter;
import org.allo.lang.lowering.LoweredKernels;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.tests.AlloProject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;

/** The per-file-version lowering cache that the schedule and verify checks share. */
class LoweredKernelsTest {

	private static final String SOURCE = """
			import allo
			from allo.ir.types import int32


			def inc(A: int32[8]) -> int32[8]:
			    B: int32[8] = 0
			    for i in range(8):
			        B[i] = A[i] + 1
			    return B


			s = allo.customize(inc)
			s.split("i", 4)
			""";

	private final AlloProject project = new AlloProject();
	private final LoweredKernels loweredKernels = AlloProject.injector().getInstance(LoweredKernels.class);

	@Test
	void eachCallGetsItsOwnCopyOfTheKernelsLowering() {
		FunctionDef kernel = kernel(project.add("copies.allo", SOURCE));
		LoweringResult first = loweredKernels.lower(kernel);
		LoweringResult second = loweredKernels.lower(kernel);
		assertNotSame(first.module(), second.module());
		String fresh = IrPrinter.print(AlloProject.injector().getInstance(Lowering.class).lower(kernel).module());
		assertEquals(fresh, IrPrinter.print(first.module()));
		assertEquals(fresh, IrPrinter.print(second.module()));
	}

	@Test
	void changingACopyLeavesLaterCopiesIntact() {
		FunctionDef kernel = kernel(project.add("changed.allo", SOURCE));
		String before = IrPrinter.print(loweredKernels.lower(kernel).module());
		IrModule changed = loweredKernels.lower(kernel).module();
		changed.getFunctions().clear();
		assertEquals(before, IrPrinter.print(loweredKernels.lower(kernel).module()));
	}

	@Test
	void applyingAScheduleTwiceGivesTheSameIr() {
		Resource resource = project.add("twice.allo", SOURCE);
		assertEquals(List.of(), project.formatted(resource));
		ScheduleApplier applier = AlloProject.injector().getInstance(ScheduleApplier.class);
		ScheduleSteps.Schedule schedule = ScheduleSteps.of(project.module(resource)).get(0);
		AppliedSchedule first = applier.apply(schedule);
		AppliedSchedule second = applier.apply(schedule);
		assertEquals(1, first.stepsApplied());
		assertEquals(IrPrinter.print(first.module()), IrPrinter.print(second.module()));
		assertTrue(IrPrinter.print(second.module()).contains("i.inner"), "the split applies to an unsplit kernel again");
	}

	@Test
	void anEditedFileIsLoweredAgain() {
		Resource resource = project.add("edited.allo", SOURCE);
		String before = IrPrinter.print(loweredKernels.lower(kernel(resource)).module());
		int offset = SOURCE.indexOf("A[i] + 1") + "A[i] + ".length();
		((XtextResource) resource).update(offset, 1, "7");
		String after = IrPrinter.print(loweredKernels.lower(kernel(resource)).module());
		assertEquals(before.replace("+ 1", "+ 7"), after);
	}

	private FunctionDef kernel(Resource resource) {
		Module module = project.module(resource);
		return module.getStatements().stream().filter(FunctionDef.class::isInstance).map(FunctionDef.class::cast).findFirst().orElseThrow();
	}
}
