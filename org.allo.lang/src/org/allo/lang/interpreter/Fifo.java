package org.allo.lang.interpreter;

import java.util.ArrayDeque;

/**
 * One FIFO: its items, its capacity ({@link #UNBOUNDED} outside dataflow regions and for a depth
 * left to FIFO sizing) and the most items it ever held, which FIFO sizing reads after a run.
 */
public final class Fifo {

	public static final int UNBOUNDED = Integer.MAX_VALUE;

	private final String name;
	private final int capacity;
	private final ArrayDeque<Scalar> items = new ArrayDeque<>();
	private int highWater;

	Fifo(String name, int capacity) {
		this.name = name;
		this.capacity = capacity;
	}

	/** {@code fifo_A[1, 2]} or {@code pipe}: the FIFO as the source names it. */
	public String name() {
		return name;
	}

	public int capacity() {
		return capacity;
	}

	/** The largest number of items the FIFO held at once. */
	public int highWater() {
		return highWater;
	}

	boolean isEmpty() {
		return items.isEmpty();
	}

	boolean isFull() {
		return items.size() >= capacity;
	}

	void add(Scalar value) {
		items.addLast(value);
		highWater = Math.max(highWater, items.size());
	}

	/** The oldest item, or null when the FIFO is empty. */
	Scalar poll() {
		return items.pollFirst();
	}
}
