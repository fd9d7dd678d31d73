package org.allo.lang.estimate;

import java.util.List;

/**
 * The estimate of one loop of one function (for one call of that function).
 *
 * @param function   the IR function (kernel instance) the loop is in
 * @param name       the loop's name as schedules use it ({@code j}, {@code i.outer}); copy loops of
 *                   top-level arrays are named {@code load_A} / {@code store_C}
 * @param band       the band ({@code allo.grid(name=...)}) or null
 * @param line       the source line, 0 when the loop has none (copy loops)
 * @param trips      iterations per entry (an average when {@code tripsExact} is false)
 * @param mode       how the hardware runs it
 * @param requestedIi the II the schedule asked for, 0 when not pipelined
 * @param achievedIi the II the model expects, 0 when not pipelined
 * @param limits     every II limit found, the binding one first; empty when not pipelined
 * @param iterationLatency cycles of one iteration (the pipeline depth when pipelined)
 * @param latency    cycles of one entry of the loop, all iterations
 * @param entries    how many times the loop is entered per call of its function
 * @param inner      the loops directly inside it
 */
public record LoopEstimate(String function, String name, String band, int line, double trips, boolean tripsExact, Mode mode,
		int requestedIi, int achievedIi, List<IiLimit> limits, long iterationLatency, long latency, double entries,
		List<LoopEstimate> inner) {

	public enum Mode {
		/** iterations one after another */
		SEQUENTIAL,
		/** a pipeline ({@code pipeline}) */
		PIPELINED,
		/** an outer loop of a perfect nest that HLS flattens into the pipelined loop inside it */
		FLATTENED,
		/** fully unrolled because a loop around it is pipelined */
		IN_PIPELINE,
		/** unrolled by {@code unroll} outside any pipeline */
		UNROLLED,
		/** a loop whose body is a dataflow region */
		DATAFLOW,
		/** the on-chip copy of a top-level array (wrap_io) */
		COPY
	}

	/** Whether the model found a higher II than the schedule asked for. */
	public boolean iiRaised() {
		return achievedIi > requestedIi && requestedIi > 0;
	}
}
