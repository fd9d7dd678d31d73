package org.allo.lang.tests.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.ir.IrModule;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.scoping.Names;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.TestFiles;
import org.allo.lang.verify.EquivalenceChecker;
import org.allo.lang.verify.Verdict;
import org.allo.lang.verify.VerifyOptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: the systolic GEMM of resources/schedule/systolic.allo, built with unfold and
 * to(..., axis=) (PEs connected by FIFOs), is proven equal to the plain GEMM; a systolic array whose
 * PEs pass on the wrong operand (accepted by the relay's legality checks: every FIFO still has one
 * writer and one reader in order) is refused with a counterexample that really differs.
 */
class SystolicRelayVerifyTest {

	private static final Path FILE = TestFiles.resources().resolve("schedule").resolve("systolic.allo");

	private final EquivalenceChecker checker = AlloProject.injector().getInstance(EquivalenceChecker.class);

	@Test
	void theRelayedSystolicArrayComputesTheGemm() throws Exception {
		Module module = module(Files.readString(FILE));
		Verdict verdict = checker.compare(plainGemm(module), systolic(module), VerifyOptions.defaults());
		assertEquals(Verdict.Kind.EQUIVALENT, verdict.kind(), verdict.summary());
	}

	@Test
	void aProcessingElementPassingOnTheWrongOperandIsCaught() throws Exception {
		Module module = module(Files.readString(FILE).replace("A_out[k] = a", "A_out[k] = b"));
		IrModule gemm = plainGemm(module);
		IrModule systolic = systolic(module);
		Verdict verdict = checker.compare(gemm, systolic, VerifyOptions.defaults());
		assertEquals(Verdict.Kind.NOT_EQUIVALENT, verdict.kind(), verdict.summary());
		VerifyCorpusTest.assertReproduced(verdict.counterexample(), gemm, systolic);
	}

	private static Module module(String text) {
		AlloProject project = new AlloProject();
		var resource = project.add("systolic.allo", text);
		assertEquals(0, project.formatted(resource).size(), () -> project.formatted(resource).toString());
		return project.module(resource);
	}

	private static IrModule plainGemm(Module module) {
		FunctionDef gemm = module.getStatements().stream().filter(FunctionDef.class::isInstance).map(FunctionDef.class::cast)
				.filter(kernel -> kernel.getName().equals("gemm")).findFirst().orElseThrow();
		LoweringResult lowered = AlloProject.injector().getInstance(Lowering.class).lower(gemm);
		assertTrue(lowered.succeeded(), () -> lowered.errors().toString());
		return lowered.module();
	}

	private static IrModule systolic(Module module) {
		Schedule schedule = ScheduleSteps.of(module).stream().filter(s -> Names.nameOf(s.binding()).equals("s")).findFirst().orElseThrow();
		AppliedSchedule applied = AlloProject.injector().getInstance(ScheduleApplier.class).apply(schedule);
		assertTrue(applied.succeeded(), () -> applied.errors().toString());
		assertTrue(applied.module().getFunctions().stream().anyMatch(f -> f.getName().equals("pe_2_1")), "the PEs are unfolded");
		return applied.module();
	}
}
