package org.allo.lang.estimate;

import java.util.List;

/**
 * One task of a dataflow region (a call or a loop at the top of a {@code dataflow} function or
 * loop body): when it starts and ends in the region's schedule, and the channels it reads.
 */
public record DataflowStage(String name, long start, long latency, List<Channel> inputs) {

	/** A buffer from one stage to another: a FIFO of {@code depth} (stream) or a ping-pong buffer (depth 0). */
	public record Channel(String buffer, String producer, boolean stream, long depth) {
	}

	public long end() {
		return start + latency;
	}
}
