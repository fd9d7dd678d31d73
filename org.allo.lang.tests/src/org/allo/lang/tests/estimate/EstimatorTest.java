package org.allo.lang.tests.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.allo.lang.estimate.DeviceModel;
import org.allo.lang.estimate.EstimateReport;
import org.allo.lang.estimate.Estimator;
import org.allo.lang.estimate.IiLimit;
import org.allo.lang.estimate.LoopEstimate;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrPartitionKind;
import org.junit.jupiter.api.Test;

/**
 * The loop models on cases small enough to compute by hand from the device table. Each test
 * reads the latencies it needs from the table, so that the expected value is the formula of
 * docs/ESTIMATES.md, not a copy of the estimator's output.
 */
class EstimatorTest {

	private static final DeviceModel DEVICE = DeviceModel.u280();
	private static final long READ = DEVICE.number("mem.bram.read.latency");
	private static final long STORE = DEVICE.number("mem.store.latency");
	private static final long FADD = DEVICE.number("f32.add.latency");
	private static final long FADD_RECURRENCE = DEVICE.number("f32.add.recurrence.latency");
	private static final long RECURRENCE_STORE = DEVICE.number("mem.recurrence.store.latency");
	private static final long FMUL = DEVICE.number("f32.mul.latency");
	private static final long PIPELINE = DEVICE.number("pipeline.overhead");
	private static final long ITERATION = DEVICE.number("loop.iteration.overhead");
	private static final long ENTRY = DEVICE.number("loop.entry.overhead");

	private static final String HEADER = "import allo\nfrom allo.ir.types import float32\n\n";

	private static final String SCALE = HEADER + """
			def scale(A: float32[64], B: float32[64]):
			    for i in range(64):
			        B[i] = A[i] * 2.0 + 1.0
			""";

	/** Half the automatic-pipelining threshold of iterations: Vitis leaves such a loop sequential. */
	private static final String SCALE_SHORT = HEADER + """
			def scale(A: float32[32], B: float32[32]):
			    for i in range(32):
			        B[i] = A[i] * 2.0 + 1.0
			""";

	private static EstimateReport estimate(IrModule module) {
		return new Estimator(DEVICE).estimate(module, List.of());
	}

	@Test
	void aPipelinedLoopTakesDepthPlusTripsMinusOneTimesII() {
		IrModule module = LoweredKernels.lower(SCALE, "scale");
		LoweredKernels.loop(module, "i").setPipelineII(1);
		LoopEstimate loop = estimate(module).loop("i").orElseThrow();
		long depth = READ + FMUL + FADD + STORE;
		assertEquals(LoopEstimate.Mode.PIPELINED, loop.mode());
		assertEquals(1, loop.achievedIi());
		assertEquals(depth, loop.iterationLatency());
		assertEquals(depth + 63 * 1 + PIPELINE, loop.latency());
		assertEquals(List.of(IiLimit.Kind.REQUESTED), loop.limits().stream().map(IiLimit::kind).toList());
	}

	@Test
	void aPipelinedLoopHasOneMultiplierAndOneAdderAtIIOne() {
		IrModule module = LoweredKernels.lower(SCALE, "scale");
		LoweredKernels.loop(module, "i").setPipelineII(1);
		assertEquals(DEVICE.number("f32.mul.dsp") + DEVICE.number("f32.add.dsp"), estimate(module).resources().dsp());
	}

	@Test
	void latenciesComeFromTheDeviceTable() {
		IrModule module = LoweredKernels.lower(SCALE, "scale");
		LoweredKernels.loop(module, "i").setPipelineII(1);
		EstimateReport slowAdder = new Estimator(DEVICE.with("f32.add.latency", "9")).estimate(module, List.of());
		assertEquals(READ + FMUL + 9 + STORE, slowAdder.loop("i").orElseThrow().iterationLatency());
	}

	@Test
	void aSequentialLoopTakesTripsTimesBodyAndExitTest() {
		assertTrue(32 < DEVICE.number("auto.pipeline.min.trips"));
		IrModule module = LoweredKernels.lower(SCALE_SHORT, "scale");
		LoopEstimate loop = estimate(module).loop("i").orElseThrow();
		assertEquals(LoopEstimate.Mode.SEQUENTIAL, loop.mode());
		assertEquals(32 * (READ + FMUL + FADD + STORE + ITERATION) + ENTRY, loop.latency());
	}

	@Test
	void anInnermostLoopOfAtLeastTheThresholdIsPipelinedWithoutAPragma() {
		assertEquals(64, DEVICE.number("auto.pipeline.min.trips"));
		IrModule module = LoweredKernels.lower(SCALE, "scale");
		LoopEstimate loop = estimate(module).loop("i").orElseThrow();
		long depth = READ + FMUL + FADD + STORE;
		assertEquals(LoopEstimate.Mode.PIPELINED, loop.mode());
		assertEquals(0, loop.requestedIi(), "the schedule asked for nothing");
		assertEquals(1, loop.achievedIi());
		assertEquals(depth + 63 + PIPELINE, loop.latency());
		assertTrue(loop.limits().get(0).reason().contains("automatically"), loop.limits().get(0).reason());
	}

	@Test
	void anOuterLoopAndALoopCallingAFunctionAreNotPipelinedAutomatically() {
		IrModule module = LoweredKernels.lower(HEADER + """
				def rows(A: float32[64, 64], B: float32[64, 64]):
				    for i in range(64):
				        for j in range(64):
				            B[i, j] = A[i, j]
				""", "rows");
		EstimateReport report = estimate(module);
		assertEquals(LoopEstimate.Mode.FLATTENED, report.loop("rows:i").orElseThrow().mode(), "i is flattened into the pipelined j");
		IrModule calls = LoweredKernels.lower(HEADER + """
				def row(A: float32[64], B: float32[64]):
				    for j in range(64):
				        B[j] = A[j]
				def again(A: float32[64], B: float32[64]):
				    for t in range(64):
				        row(A, B)
				""", "again");
		assertEquals(LoopEstimate.Mode.SEQUENTIAL, estimate(calls).loop("again:t").orElseThrow().mode());
	}

	@Test
	void aScalarRecurrenceRaisesTheIIToTheAddersRecurrenceLatency() {
		IrModule module = LoweredKernels.lower(HEADER + """
				def total(A: float32[64]) -> float32:
				    acc: float32 = 0.0
				    for i in range(64):
				        acc = acc + A[i]
				    return acc
				""", "total");
		LoweredKernels.loop(module, "i").setPipelineII(1);
		LoopEstimate loop = estimate(module).loop("i").orElseThrow();
		assertEquals(FADD_RECURRENCE, loop.achievedIi(), "Vitis binds the faster adder core on a recurrence");
		assertTrue(FADD_RECURRENCE < FADD);
		assertEquals(IiLimit.Kind.RECURRENCE, loop.limits().get(0).kind());
		assertTrue(loop.limits().get(0).reason().contains("acc"), loop.limits().get(0).reason());
		assertEquals(READ + FADD + 63 * FADD_RECURRENCE + PIPELINE, loop.latency());
	}

	@Test
	void anAccumulationIntoOneElementRaisesTheIIToReadAndUpdate() {
		IrModule module = LoweredKernels.lower(HEADER + """
				def rowsum(A: float32[16, 64], C: float32[16]):
				    for i in range(16):
				        for k in range(64):
				            C[i] += A[i, k]
				""", "rowsum");
		LoweredKernels.loop(module, "k").setPipelineII(1);
		LoopEstimate loop = estimate(module).loop("k").orElseThrow();
		assertEquals(0, RECURRENCE_STORE, "the next iteration's read issues in the store's cycle");
		assertEquals(READ + FADD_RECURRENCE + RECURRENCE_STORE, loop.achievedIi());
		assertTrue(loop.limits().get(0).reason().startsWith("recurrence through C"), loop.limits().get(0).reason());
	}

	private static final String FOUR_COLUMNS = HEADER + """
			def sum4(A: float32[64, 4], B: float32[64]):
			    for i in range(64):
			        for k in range(4):
			            B[i] += A[i, k]
			""";

	@Test
	void fourReadsOfOneDualPortBankRaiseTheIITo2() {
		IrModule module = LoweredKernels.lower(FOUR_COLUMNS, "sum4");
		LoweredKernels.loop(module, "i").setPipelineII(1);
		LoopEstimate loop = estimate(module).loop("i").orElseThrow();
		assertEquals(2, loop.achievedIi());
		assertEquals(IiLimit.Kind.MEMORY, loop.limits().get(0).kind());
		assertTrue(loop.limits().get(0).reason().startsWith("A: 4 accesses per iteration"), loop.limits().get(0).reason());
		LoopEstimate inner = loop.inner().get(0);
		assertEquals(LoopEstimate.Mode.IN_PIPELINE, inner.mode());
		assertEquals(READ + FADD + STORE + 3 * FADD, inner.latency(), "four chained adds into B[i], forwarded in registers");
	}

	@Test
	void partitioningTheUnrolledDimensionRestoresIIOne() {
		IrModule module = LoweredKernels.lower(FOUR_COLUMNS, "sum4");
		LoweredKernels.loop(module, "i").setPipelineII(1);
		LoweredKernels.partition(module, "A", 2, IrPartitionKind.CYCLIC, 2);
		assertEquals(1, estimate(module).loop("i").orElseThrow().achievedIi(), "two banks of two ports each serve four reads");
	}

	@Test
	void anUnrolledLoopWithEnoughBanksRunsItsCopiesTogether() {
		IrModule module = LoweredKernels.lower(SCALE, "scale");
		IrFor loop = LoweredKernels.loop(module, "i");
		loop.setUnrollFactor(4);
		long body = READ + FMUL + FADD + STORE;
		LoopEstimate unbanked = estimate(module).loop("i").orElseThrow();
		assertEquals(16 * (body + 1 + ITERATION) + ENTRY, unbanked.latency(), "4 reads on one dual-port bank take 2 cycles");
		LoweredKernels.partition(module, "A", 1, IrPartitionKind.CYCLIC, 4);
		LoweredKernels.partition(module, "B", 1, IrPartitionKind.CYCLIC, 4);
		LoopEstimate banked = estimate(module).loop("i").orElseThrow();
		assertEquals(LoopEstimate.Mode.UNROLLED, banked.mode());
		assertEquals(16 * (body + ITERATION) + ENTRY, banked.latency());
	}

	@Test
	void aPerfectNestAroundAPipelineIsFlattenedIntoIt() {
		IrModule module = LoweredKernels.lower(HEADER + """
				def copy2(A: float32[8, 16], B: float32[8, 16]):
				    for i in range(8):
				        for j in range(16):
				            B[i, j] = A[i, j]
				""", "copy2");
		LoweredKernels.loop(module, "j").setPipelineII(1);
		LoopEstimate outer = estimate(module).loop("i").orElseThrow();
		assertEquals(LoopEstimate.Mode.FLATTENED, outer.mode());
		assertEquals(READ + STORE + (8 * 16 - 1) + PIPELINE, outer.latency());
	}

	@Test
	void aSemiPerfectNestIsFlattenedUpToItsOutermostVariableBoundLoop() {
		IrModule module = LoweredKernels.lower(HEADER + """
				def lower(A: float32[8, 16], B: float32[8, 16]):
				    for i in range(8):
				        for k in range(i):
				            for j in range(16):
				                B[k, j] += A[i, j]
				""", "lower");
		LoweredKernels.loop(module, "j").setPipelineII(1);
		EstimateReport report = estimate(module);
		LoopEstimate k = report.loop("k").orElseThrow();
		assertEquals(LoopEstimate.Mode.FLATTENED, k.mode(), "k's bound varies, but only the outermost flattened loop's may");
		long depth = READ + FADD + STORE;
		assertEquals(3.5, k.trips(), "k runs i times, 3.5 on average over i in 0..7");
		assertEquals(depth + Math.round(3.5 * 16 - 1) + PIPELINE, k.latency());
		assertEquals(LoopEstimate.Mode.SEQUENTIAL, report.loop("i").orElseThrow().mode(), "i cannot flatten around a variable-bound loop");
	}

	private static final String TWO_TASKS = HEADER + """
			def first(A: float32[64], T: float32[64]):
			    for i in range(64):
			        T[i] = A[i] * 2.0
			def second(T: float32[64], B: float32[64]):
			    for j in range(64):
			        B[j] = T[j] + 1.0
			def other(C: float32[64], D: float32[64]):
			    for k in range(64):
			        D[k] = C[k] * 3.0
			def top(A: float32[64], B: float32[64], C: float32[64], D: float32[64]):
			    T: float32[64] = 0.0
			    first(A, T)
			    second(T, B)
			    other(C, D)
			""";

	@Test
	void aDataflowRegionOverlapsIndependentTasksAndChainsDependentOnes() {
		IrModule module = LoweredKernels.lower(TWO_TASKS, "top");
		EstimateReport sequential = estimate(module);
		long first = sequential.function("first").orElseThrow().latency();
		long second = sequential.function("second").orElseThrow().latency();
		long other = sequential.function("other").orElseThrow().latency();
		LoweredKernels.top(module).setDataflow(true);
		EstimateReport dataflow = estimate(module);
		var top = dataflow.function("top").orElseThrow();
		long overhead = DEVICE.number("dataflow.overhead");
		long call = DEVICE.number("call.overhead");
		long initT = 64 / DEVICE.number("mem.ports.default") + PIPELINE;
		assertEquals(initT + Math.max(first + call + second + call, other + call) + overhead, top.latency());
		assertEquals(3, top.stages().size());
		assertEquals(top.stages().get(0).end(), top.stages().get(1).start(), "second reads T after first has written all of it");
		assertEquals(0, top.stages().get(2).start(), "other shares nothing with the others");
		assertTrue(top.latency() < sequential.function("top").orElseThrow().latency());
	}

	private static final String STREAMED = HEADER + """
			def stream(A: float32[64], T: float32[64]):
			    for i in range(64):
			        T[i] = A[i] * 2.0
			def produce(A: float32[64], T: float32[64]):
			    acc: float32[64] = 0.0
			    for i in range(64):
			        acc[i] = A[i] * 2.0
			    for o in range(64):
			        T[o] = acc[o]
			def consume(T: float32[64], B: float32[64]):
			    for j in range(64):
			        B[j] = T[j] + 1.0
			def early(A: float32[64], B: float32[64]):
			    T: float32[64] = 0.0
			    stream(A, T)
			    consume(T, B)
			def late(A: float32[64], B: float32[64]):
			    T: float32[64] = 0.0
			    produce(A, T)
			    consume(T, B)

			s = allo.customize(early)
			s.to(s.T, "consume")
			t = allo.customize(late)
			t.to(t.T, "consume")
			""";

	private static EstimateReport estimateFirstWrite(IrModule module) {
		return new Estimator(DEVICE.with("dataflow.stream.start", "first-write")).estimate(module, List.of());
	}

	@Test
	void underTheFirstWriteRuleAStreamsConsumerStartsWhenItsProducerFirstWritesIt() {
		EstimateReport report = estimateFirstWrite(LoweredKernels.scheduled(STREAMED, "s"));
		var stages = report.function("early").orElseThrow().stages();
		long depth = READ + FMUL + DEVICE.number("stream.access.latency");
		assertEquals(depth, report.loop("i").orElseThrow().iterationLatency());
		assertTrue(stages.get(1).inputs().get(0).stream());
		assertEquals(stages.get(0).start() + depth, stages.get(1).start(), "the first put ends the producer loop's first iteration");
	}

	/** When produce, the first stage of late, first writes its stream: after its compute loop and one iteration of its write loop. */
	private static long producesFirstWrite(EstimateReport report) {
		var produce = report.function("produce").orElseThrow().loops();
		assertEquals(List.of("i", "o"), produce.stream().map(LoopEstimate::name).toList());
		long initAcc = 64 / DEVICE.number("mem.ports.default") + PIPELINE;
		return initAcc + produce.get(0).latency() + produce.get(1).iterationLatency();
	}

	@Test
	void underTheFirstWriteRuleAProducerThatWritesItsStreamOnlyAtItsEndGivesNoOverlap() {
		EstimateReport report = estimateFirstWrite(LoweredKernels.scheduled(STREAMED, "t"));
		var stages = report.function("late").orElseThrow().stages();
		assertEquals(stages.get(0).start() + producesFirstWrite(report), stages.get(1).start(),
				"consume waits for produce's whole compute loop and the first iteration of its write loop");
	}

	@Test
	void underCsynthsRuleAStreamsConsumerStartsWithItsProducerWhateverItWritesFirst() {
		EstimateReport report = estimate(LoweredKernels.scheduled(STREAMED, "t"));
		var late = report.function("late").orElseThrow();
		var stages = late.stages();
		assertTrue(stages.get(1).inputs().get(0).stream());
		assertEquals(stages.get(0).start(), stages.get(1).start());
		long slowest = Math.max(stages.get(0).latency(), stages.get(1).latency());
		assertEquals(slowest + DEVICE.number("dataflow.overhead"), late.latency(), "the region takes its slowest process (a FIFO is not zero-filled)");
	}

	@Test
	void eachRuleNotesHowManyCyclesTheOtherDiffersBy() {
		IrModule module = LoweredKernels.scheduled(STREAMED, "t");
		EstimateReport hardware = estimateFirstWrite(module);
		var stages = hardware.function("late").orElseThrow().stages();
		long hardwareEnd = producesFirstWrite(hardware) + stages.get(1).latency();
		long csynthEnd = Math.max(stages.get(0).latency(), stages.get(1).latency());
		long more = hardwareEnd - csynthEnd;
		assertTrue(more > 0);
		EstimateReport csynth = estimate(module);
		assertEquals(more, hardware.function("late").orElseThrow().latency() - csynth.function("late").orElseThrow().latency());
		assertEquals(List.of("late: csynth's latency assumes each stream's consumer starts with its producer; a producer here writes its"
				+ " stream later, so the hardware (co-simulation) takes about " + more + " cycles more (dataflow.stream.start=first-write"
				+ " estimates that)"), csynth.notes());
		assertEquals(List.of("late: estimated with each stream's consumer starting at its producer's first write, as the hardware runs;"
				+ " csynth assumes they start together and reports about " + more + " cycles less (dataflow.stream.start=csynth)"),
				hardware.notes());
	}

	@Test
	void aRegionWithoutStreamsHasNoOverlapNote() {
		IrModule module = LoweredKernels.lower(TWO_TASKS, "top");
		LoweredKernels.top(module).setDataflow(true);
		assertEquals(List.of(), estimate(module).notes());
		assertEquals(List.of(), estimateFirstWrite(module).notes());
	}

	private static final String STENCIL = HEADER + """
			def blur(A: float32[10, 64], B: float32[10, 64]):
			    for i, j in allo.grid(8, 64):
			        B[i + 1, j] = A[i, j] + A[i + 1, j] + A[i + 2, j]

			s = allo.customize(blur)
			lb = s.reuse_at(s.A, "i")
			s.partition(lb, dim=0)
			s.partition(s.A, dim=2)
			s.partition(s.B, dim=2)
			s.pipeline("i")
			""";

	@Test
	void aLineBufferLoadsOneRowPerIterationSoTheRowLoopReachesIIOne() {
		LoopEstimate i = estimate(LoweredKernels.scheduled(STENCIL, "s")).loop("i").orElseThrow();
		assertEquals(8 + 2, i.trips(), "two more iterations fill the three-row window");
		assertEquals(1, i.achievedIi(), () -> "one read of each column bank of A per iteration: " + i.limits());
		assertEquals(i.iterationLatency() + (10 - 1) + PIPELINE, i.latency());
	}
}
