package org.allo.lang.estimate;

import java.util.List;

/**
 * The estimate of one IR function (a kernel instance): latency of one call, the interval between
 * calls (shorter than the latency for a dataflow function), how often the top calls it, its
 * loops as a tree, its dataflow stages when it is a dataflow region, and its own hardware
 * (callees counted once per instance they need).
 */
public record FunctionEstimate(String name, boolean top, boolean dataflow, long latency, long interval, double calls,
		List<LoopEstimate> loops, List<DataflowStage> stages, Resources resources) {
}
