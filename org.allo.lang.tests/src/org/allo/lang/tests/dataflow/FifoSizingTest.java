package org.allo.lang.tests.dataflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.allo.lang.dataflow.FifoSizing;
import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.SimulationError;
import org.allo.lang.interpreter.Tensor;
import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.tests.AlloProject;
import org.junit.jupiter.api.Test;

/**
 * A producer that puts all of A into stream a before any of it into b, against a consumer that
 * alternates a.get() + b.get(): the consumer takes a[0] and then waits for b[0], which comes after
 * the other N - 1 items of a, so a needs depth N - 1. With depth 2 the region deadlocks; with the
 * depth omitted, sizing infers N - 1 for a and the region computes B = 2 A.
 */
class FifoSizingTest {

	private static final int N = 8;

	private static final String DESIGN = """
			import allo
			from allo.ir.types import int32, Stream
			import allo.dataflow as df

			N = 8


			@df.region()
			def top(A: int32[N], B: int32[N]):
			    a: %s
			    b: %s

			    @df.kernel(mapping=[1], args=[A])
			    def producer(local_A: int32[N]):
			        for i in range(N):
			            a.put(local_A[i])
			        for i in range(N):
			            b.put(local_A[i])

			    @df.kernel(mapping=[1], args=[B])
			    def consumer(local_B: int32[N]):
			        for i in range(N):
			            local_B[i] = a.get() + b.get()
			""";

	@Test
	void depthTwoDeadlocksWithTheCycleReported() {
		IrModule module = RegionFixture.lowered("fixed.allo", DESIGN.formatted("Stream[int32, 2]", "Stream[int32, 2]"), "top");
		SimulationError error = assertThrows(SimulationError.class, () -> run(module, new Tensor(new long[] { N }, Scalar.of(0))));
		assertTrue(error.isDeadlock());
		assertEquals("deadlock: producer_0 blocks putting to a (full, depth 2) -> consumer_0 blocks getting from b (empty) -> producer_0",
				error.getMessage());
	}

	@Test
	void inferredDepthIsTheSmallestThatRuns() throws Exception {
		IrModule module = RegionFixture.lowered("sized.allo", DESIGN.formatted("Stream[int32]", "Stream[int32]"), "top");
		FifoSizing.Sizes sizes = AlloProject.injector().getInstance(FifoSizing.class).sizeOmittedDepths(module);
		assertNull(sizes.problem());
		assertEquals(N - 1, sizes.depths().get("a"));
		assertTrue(stream(module, "a").isDepthInferred());

		Tensor b = new Tensor(new long[] { N }, Scalar.of(0));
		run(module, b);
		long[] expected = new long[N];
		for (int i = 0; i < N; i++) {
			expected[i] = 2L * (i * 3 - 5);
		}
		assertArrayEquals(expected, b.toLongs());

		stream(module, "a").setDepth(N - 2);
		assertTrue(assertThrows(SimulationError.class, () -> run(module, new Tensor(new long[] { N }, Scalar.of(0)))).isDeadlock());
	}

	private static void run(IrModule module, Tensor b) throws SimulationError {
		long[] a = new long[N];
		for (int i = 0; i < N; i++) {
			a[i] = i * 3 - 5;
		}
		new Interpreter(module).call(RegionFixture.top(module), List.of(Tensor.ofLongs(new long[] { N }, a), b));
	}

	private static IrStreamType stream(IrModule module, String name) {
		return RegionFixture.top(module).getBody().getStatements().stream().filter(IrAlloc.class::isInstance)
				.map(statement -> ((IrAlloc) statement).getBuffer()).filter(buffer -> buffer.getName().equals(name))
				.map(buffer -> (IrStreamType) buffer.getType()).findFirst().orElseThrow();
	}
}
