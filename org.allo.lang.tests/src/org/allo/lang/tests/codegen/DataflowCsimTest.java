package org.allo.lang.tests.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.allo.codegen.kernel.KernelEmitter;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.ir.IrModule;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.tests.AlloProject;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threaded C simulation of dataflow regions beyond the golden cases: a client/server feedback design passes,
 * and its variant whose server waits for a second request that the client sends only after an answer stops
 * with the streams both wait on instead of hanging.
 */
class DataflowCsimTest {

	private static final String CLIENT_SERVER = """
			import allo
			from allo.ir.types import int32, Stream
			import allo.dataflow as df

			N = 4


			@df.region()
			def top(A: int32[N], B: int32[N]):
			    request: Stream[int32, 2]
			    answer: Stream[int32, 2]

			    @df.kernel(mapping=[1], args=[A, B])
			    def client(local_A: int32[N], local_B: int32[N]):
			        for i in range(N):
			            request.put(local_A[i])
			            local_B[i] = answer.get()

			    @df.kernel(mapping=[1])
			    def server():
			%s""";

	private static final String ANSWER_EACH = """
			        for i in range(N):
			            answer.put(request.get() + 1)
			""";

	private static final String TWO_REQUESTS_FIRST = """
			        for i in range(N // 2):
			            first: int32 = request.get()
			            second: int32 = request.get()
			            answer.put(first + 1)
			            answer.put(second + 1)
			""";

	@TempDir
	Path temp;

	private static IrModule clientServer(String serverBody) {
		AlloProject project = new AlloProject();
		Resource resource = project.add("client_server.allo", CLIENT_SERVER.formatted(serverBody));
		FunctionDef top = project.module(resource).getStatements().stream().filter(FunctionDef.class::isInstance)
				.map(FunctionDef.class::cast).findFirst().orElseThrow();
		LoweringResult result = AlloProject.injector().getInstance(Lowering.class).lower(top);
		assertTrue(result.succeeded(), () -> "lowering failed: " + result.errors());
		return result.module();
	}

	@Test
	void aServerAnsweringEachRequestSimulatesLikeTheInterpreter() throws Exception {
		CSimulation.Run run = CSimulation.csim(CSimulation.generate(clientServer(ANSWER_EACH), temp.resolve("answers.prj")));
		assertEquals(0, run.exitCode(), run.output());
		assertTrue(run.output().contains("TEST PASSED"), run.output());
	}

	/** The interpreter reports the deadlock too, so the data come from the working design and only kernel.cpp is the stuck one. */
	@Test
	void aServerWaitingForARequestThatFollowsItsAnswerStopsTheSimulation() throws Exception {
		Path project = CSimulation.generate(clientServer(ANSWER_EACH), temp.resolve("stuck.prj"));
		Files.writeString(project.resolve("kernel.cpp"), KernelEmitter.emit(clientServer(TWO_REQUESTS_FIRST)).kernelCpp());
		CSimulation.Run run = CSimulation.csim(project);
		assertTrue(run.exitCode() != 0, run.output());
		assertTrue(run.output().contains("stream answer read while empty\nstream request read while empty\n"), run.output());
		assertFalse(run.output().contains("TEST PASSED"), run.output());
	}
}
