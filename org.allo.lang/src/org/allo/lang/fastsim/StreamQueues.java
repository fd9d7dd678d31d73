package org.allo.lang.fastsim;

import java.util.ArrayDeque;

import org.allo.lang.interpreter.Faults;
import org.allo.lang.interpreter.SimulationError;

/**
 * The FIFOs of one stream buffer in compiled code, one per element of its shape, holding boxed values
 * (Long, Float or Double by the element's {@link Rep}). Unbounded, as in the interpreter's Fifos: the
 * simulation is sequential. Public because the generated classes live in their own class loader.
 */
public final class StreamQueues {

	private final ArrayDeque<Object>[] queues;

	@SuppressWarnings("unchecked")
	public StreamQueues(int count) {
		queues = new ArrayDeque[count];
		for (int i = 0; i < count; i++) {
			queues[i] = new ArrayDeque<>();
		}
	}

	public void put(int offset, Object value) {
		queues[offset].addLast(value);
	}

	public Object get(int offset, String stream, int line) throws SimulationError {
		Object value = queues[offset].pollFirst();
		if (value == null) {
			throw Faults.emptyStream(line, stream);
		}
		return value;
	}
}
