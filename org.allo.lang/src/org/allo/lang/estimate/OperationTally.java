package org.allo.lang.estimate;

import java.util.LinkedHashMap;
import java.util.Map;

/** How many of each operator a piece of hardware performs per iteration, and what instances cost. */
public final class OperationTally {

	private final Map<Operation, Long> counts = new LinkedHashMap<>();

	public void add(Operation operation, long count) {
		counts.merge(operation, count, Long::sum);
	}

	public void addAll(OperationTally other, long times) {
		other.counts.forEach((operation, count) -> add(operation, count * times));
	}

	/**
	 * The operators' resources when a pipeline at {@code interval} lets HLS share each operator
	 * over that many cycles ({@code ceil(count / II)} instances); 1 for hardware that shares nothing.
	 */
	public Resources resources(long interval) {
		Resources total = Resources.NONE;
		for (Map.Entry<Operation, Long> entry : counts.entrySet()) {
			long instances = (entry.getValue() + Math.max(1, interval) - 1) / Math.max(1, interval);
			total = total.plus(entry.getKey().resources().times(instances));
		}
		return total;
	}
}
