package org.allo.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CPU time of the benchmark thread, beside JMH's wall time: on a machine shared with other
 * builds the wall time mostly measures waiting for a core. JMH reports both fields as secondary
 * results summed over each iteration; {@code cpuMicros / calls} is the CPU time per operation.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	public long cpuMicros;
	public long calls;

	@Setup(Level.Iteration)
	public void reset() {
		cpuMicros = 0;
		calls = 0;
	}

	long start() {
		return THREADS.getCurrentThreadCpuTime();
	}

	void stop(long start) {
		cpuMicros += (THREADS.getCurrentThreadCpuTime() - start) / 1000;
		calls++;
	}
}
