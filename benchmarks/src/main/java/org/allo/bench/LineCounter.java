package org.allo.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Source lines processed; JMH reports the field as a secondary result "lines" in the benchmark's
 * throughput unit, i.e. lines per second.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class LineCounter {

	public long lines;

	@Setup(Level.Iteration)
	public void reset() {
		lines = 0;
	}
}
