package org.allo.lang.tests.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.allo.lang.AlloRuntimeModule;
import org.allo.lang.ir.IrConstant;
import org.allo.lang.ir.IrFor;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.passes.PassContext;
import org.allo.lang.schedule.passes.PassRegistry;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.schedule.passes.ScheduleError;
import org.allo.lang.schedule.passes.SchedulePass;
import org.allo.lang.schedule.passes.StepResult;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.verify.EquivalenceChecker;
import org.allo.lang.verify.EquivalenceChecker.StepVerdict;
import org.allo.lang.verify.Verdict;
import org.allo.lang.verify.VerifyOptions;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.Test;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;

/** Schedule steps checked one by one against the unscheduled kernel, with the real passes and a faulty one. */
public class ScheduleStepVerifyTest {

	private static final String GEMM = """
			import allo
			from allo.ir.types import int32


			def gemm(A: int32[4, 4], B: int32[4, 4]) -> int32[4, 4]:
			    C: int32[4, 4] = 0
			    for i, j in allo.grid(4, 4, name="C"):
			        for k in allo.reduction(4):
			            C[i, j] += A[i, k] * B[k, j]
			    return C


			s = allo.customize(gemm)
			s.pipeline("j")
			s.pipeline("k", initiation_interval=2)
			""";

	/** A wrong pipeline pass, registered only here: it drops the loop's last iteration. */
	public static final class DropLastIterationPass implements SchedulePass {
		@Override
		public String primitive() {
			return "pipeline";
		}

		@Override
		public StepResult apply(PassContext context) throws ScheduleError {
			IrFor loop = context.loop("axis");
			IrConstant upper = (IrConstant) loop.getUpper();
			upper.setInteger(upper.getInteger().subtract(BigInteger.ONE));
			return StepResult.NONE;
		}
	}

	private static Schedule schedule(String text) {
		AlloProject project = new AlloProject();
		Resource resource = project.add("steps.allo", text);
		assertEquals(List.of(), project.formatted(resource));
		return ScheduleSteps.of(project.module(resource)).get(0);
	}

	@Test
	void pipelineStepsAreProvenEquivalent() {
		EquivalenceChecker checker = AlloProject.injector().getInstance(EquivalenceChecker.class);
		List<StepVerdict> verdicts = checker.verifySteps(schedule(GEMM), VerifyOptions.defaults(), EquivalenceChecker.Progress.NONE);
		assertEquals(2, verdicts.size());
		assertTrue(verdicts.get(0).line().startsWith("step 1 pipeline(\"j\"): equivalent ("), verdicts.get(0).line());
		assertTrue(verdicts.get(1).line().startsWith("step 2 pipeline(\"k\", initiation_interval=2): equivalent ("),
				verdicts.get(1).line());
	}

	@Test
	void aFaultyPassIsCaughtWithACounterexampleTheInterpreterReproduces() throws Exception {
		PassRegistry faulty = AlloProject.injector().getInstance(PassRegistry.class).replacing(new DropLastIterationPass());
		Injector injector = Guice.createInjector(
				Modules.override(new AlloRuntimeModule()).with(binder -> binder.bind(PassRegistry.class).toInstance(faulty)));
		Schedule schedule = schedule(GEMM);
		List<StepVerdict> verdicts = injector.getInstance(EquivalenceChecker.class).verifySteps(schedule, VerifyOptions.defaults(),
				EquivalenceChecker.Progress.NONE);
		assertEquals(Verdict.Kind.NOT_EQUIVALENT, verdicts.get(0).verdict().kind(), verdicts.get(0).line());
		assertEquals(Verdict.Kind.NOT_EQUIVALENT, verdicts.get(1).verdict().kind(), verdicts.get(1).line());
		assertTrue(verdicts.get(1).line().endsWith("; introduced by step 1 pipeline(\"j\")"), verdicts.get(1).line());
		ScheduleApplier faultyApplier = injector.getInstance(ScheduleApplier.class);
		VerifyCorpusTest.assertReproduced(verdicts.get(0).verdict().counterexample(),
				faultyApplier.apply(schedule, 0, (step, module) -> {
				}).module(), faultyApplier.apply(schedule, 1, (step, module) -> {
				}).module());
	}

	@Test
	void verifyUpToAStepStopsThere() {
		EquivalenceChecker checker = AlloProject.injector().getInstance(EquivalenceChecker.class);
		List<StepVerdict> verdicts = checker.verifyUpTo(schedule(GEMM), 1, VerifyOptions.defaults());
		assertEquals(1, verdicts.size());
		assertEquals(Verdict.Kind.EQUIVALENT, verdicts.get(0).verdict().kind());
	}
}
