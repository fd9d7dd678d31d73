package org.allo.lang.verify;

/**
 * Counts the operations executed symbolically (the ops of {@code allo verify}'s report) and stops
 * the run at the deadline. The clock is read every few thousand operations only: reading it per
 * operation would cost more than the operation.
 */
public final class Budget {

	private static final int CLOCK_INTERVAL = 4096;

	private final long deadlineNanos;
	private final Runnable onTick;
	private long operations;

	/** {@code onTick} runs at every clock reading, for progress displays. */
	public Budget(long deadlineNanos, Runnable onTick) {
		this.deadlineNanos = deadlineNanos;
		this.onTick = onTick;
	}

	public static Budget unlimited() {
		return new Budget(Long.MAX_VALUE, () -> {
		});
	}

	public long operations() {
		return operations;
	}

	void tick() throws CannotVerify {
		if (++operations % CLOCK_INTERVAL == 0) {
			onTick.run();
			if (System.nanoTime() - deadlineNanos > 0 && deadlineNanos != Long.MAX_VALUE) {
				throw new CannotVerify("the time limit was reached after " + operations + " operations", true);
			}
		}
	}
}
