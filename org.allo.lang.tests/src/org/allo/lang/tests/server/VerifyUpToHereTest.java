package org.allo.lang.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.allo.lang.AlloRuntimeModule;
import org.allo.lang.ide.server.VerifyUpToHere;
import org.allo.lang.schedule.passes.PassRegistry;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.verify.ScheduleStepVerifyTest.DropLastIterationPass;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.Test;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;

/** "Verify up to here" beyond the golden cases: a wrong step's counterexample, and cancellation. */
class VerifyUpToHereTest {

	private static final String GEMM = """
			import allo
			from allo.ir.types import int32


			def gemm(A: int32[16, 16], B: int32[16, 16]) -> int32[16, 16]:
			    C: int32[16, 16] = 0
			    for i, j in allo.grid(16, 16, name="C"):
			        for k in allo.reduction(16):
			            C[i, j] += A[i, k] * B[k, j]
			    return C


			s = allo.customize(gemm)
			s.pipeline("j")
			s.reorder("k", "j")
			""";

	private static XtextResource gemm() {
		AlloProject project = new AlloProject();
		XtextResource resource = (XtextResource) project.add("steps.allo", GEMM);
		assertEquals(List.of(), project.formatted(resource));
		return resource;
	}

	@Test
	void aWrongStepIsAnErrorWithTheFirstDifferingElement() {
		PassRegistry faulty = AlloProject.injector().getInstance(PassRegistry.class).replacing(new DropLastIterationPass());
		Injector injector = Guice.createInjector(
				Modules.override(new AlloRuntimeModule()).with(binder -> binder.bind(PassRegistry.class).toInstance(faulty)));
		VerifyUpToHere.Result result = injector.getInstance(VerifyUpToHere.class).at(gemm(), GEMM.indexOf("s.reorder"),
				CancelIndicator.NullImpl);
		assertEquals("NOT_EQUIVALENT", result.kind(), result.message());
		assertEquals(MessageType.Error, result.messageType());
		assertEquals(2, result.steps().size());
		assertTrue(result.steps().get(1).endsWith("; introduced by step 1 pipeline(\"j\")"), result.steps().get(1));
		assertTrue(result.counterexample().contains("first difference: "), result.counterexample());
		assertTrue(result.message().endsWith(result.counterexample()), result.message());
	}

	@Test
	void aCancelledRequestStopsTheCheck() {
		VerifyUpToHere verify = AlloProject.injector().getInstance(VerifyUpToHere.class);
		Throwable stopped = assertThrows(Throwable.class, () -> verify.at(gemm(), GEMM.indexOf("s.reorder"), () -> true));
		assertTrue(new OperationCanceledManager().isOperationCanceledException(stopped), stopped.toString());
	}
}
