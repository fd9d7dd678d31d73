package org.allo.lang.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link Estimator#estimate} returns: the whole design's latency (cycles and microseconds at
 * the device clock), interval, resources against the device's capacity, every function and loop,
 * and notes on what the model could not see (unknown trip counts, schedule steps not applied).
 * Immutable; {@link #loops()} lists every loop in pre-order, and {@link #loop(String)} finds one by
 * the name or band a schedule uses, which is what editor hovers need.
 */
public record EstimateReport(String top, String device, double clockMhz, long latency, long interval, Resources resources,
		Resources capacity, List<FunctionEstimate> functions, List<String> notes) {

	public double micros() {
		return latency / clockMhz;
	}

	/** Every loop of every function, outer before inner, in function order (top first). */
	public List<LoopEstimate> loops() {
		List<LoopEstimate> all = new ArrayList<>();
		for (FunctionEstimate function : functions) {
			function.loops().forEach(loop -> collect(loop, all));
		}
		return all;
	}

	private static void collect(LoopEstimate loop, List<LoopEstimate> into) {
		into.add(loop);
		loop.inner().forEach(inner -> collect(inner, into));
	}

	/** The first loop named {@code name}, or whose band is {@code name}; {@code kernel:name} restricts the function. */
	public Optional<LoopEstimate> loop(String reference) {
		int colon = reference.indexOf(':');
		String function = colon < 0 ? null : reference.substring(0, colon);
		String name = reference.substring(colon + 1);
		List<LoopEstimate> candidates = loops().stream()
				.filter(l -> function == null || l.function().equals(function) || l.function().startsWith(function + "_")).toList();
		return candidates.stream().filter(l -> name.equals(l.name())).findFirst()
				.or(() -> candidates.stream().filter(l -> name.equals(l.band())).findFirst());
	}

	public Optional<FunctionEstimate> function(String name) {
		return functions.stream().filter(f -> f.name().equals(name)).findFirst();
	}

	/**
	 * Cycles a loop takes per call of the top function; for a loop unrolled inside a pipeline, the
	 * cycles its copies add to one iteration of the pipeline (they overlap with the pipeline's own).
	 */
	public long totalCycles(LoopEstimate loop) {
		if (loop.mode() == LoopEstimate.Mode.IN_PIPELINE) {
			return loop.latency();
		}
		double calls = function(loop.function()).map(FunctionEstimate::calls).orElse(1.0);
		return Math.round(loop.latency() * loop.entries() * calls);
	}
}
