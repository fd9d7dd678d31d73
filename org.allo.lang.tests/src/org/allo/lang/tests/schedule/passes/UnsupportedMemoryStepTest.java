package org.allo.lang.tests.schedule.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.validation.Diagnostic;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.Test;

/**
 * Steps whose result the sequential simulation cannot run yet are refused when applied, and
 * {@code allo check} stays silent about them (they are not the schedule's fault), so neither
 * corpus can show the refusal: it is asserted here.
 */
class UnsupportedMemoryStepTest {

	private static final String CHAIN = """
			import allo
			from allo.ir.types import int32


			def chain(A: int32[4, 5]) -> int32[4, 5]:
			    C: int32[4, 5] = 0
			    D: int32[4, 5] = 0
			    for i, j in allo.grid(4, 5, name="C"):
			        C[i, j] = A[i, j] + 1
			    for i1, j1 in allo.grid(4, 5, name="D"):
			        D[i1, j1] = C[i1, j1] * 2
			    return D


			s = allo.customize(chain)
			s.to(s.C, "D", axis=1)
			""";

	@Test
	void aRelayBetweenProcessingElementsIsRefusedAsNotSupportedYet() {
		AlloProject project = new AlloProject();
		Resource resource = project.add("relay.allo", CHAIN);
		assertEquals(List.of(), project.formatted(resource), "allo check leaves an unsupported step to show and sim");
		ScheduleApplier applier = AlloProject.injector().getInstance(ScheduleApplier.class);
		AppliedSchedule applied = applier.apply(ScheduleSteps.of(project.module(resource)).get(0));
		assertEquals(List.of("16:21: error: to(..., axis=...) between unfolded processing elements needs the dataflow simulation,"
				+ " which is not supported yet (issue 7); remove this step to simulate the schedule [allo.schedule.unsupported]"),
				applied.errors().stream().map(Diagnostic::format).toList());
		assertEquals(0, applied.stepsApplied());
	}
}
