package org.allo.lang.verify;

import java.util.function.LongConsumer;

/**
 * Counts the operations executed symbolically (the ops of {@code allo verify}'s report) and stops
 * the run at the deadline. The clock is read every few thousand operations only: reading it per
 * operation would cost more than the operation.
 */
public final class Budget {

	private static final int CLOCK_INTERVAL = 4096;

	private final long deadlineNanos;
	private final LongConsumer onTick;
	private long operations;

	/** {@code onTick} sees the operation count at every clock reading, for progress displays. */
	public Budget(long deadlineNanos, LongConsumer onTick) {
		this.deadlineNanos = deadlineNanos;
		this.onTick = onTick;
	}

	public long operations() {
		return operations;
	}

	void tick() throws CannotVerify {
		if (++operations % CLOCK_INTERVAL == 0) {
			onTick.accept(operations);
			if (System.nanoTime() - deadlineNanos > 0 && deadlineNanos != Long.MAX_VALUE) {
				throw new CannotVerify("the time limit was reached after " + operations + " operations", true);
			}
		}
	}
}
