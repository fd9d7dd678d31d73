package org.allo.lang.verify;

import java.time.Duration;

/**
 * How a check runs: its time limit (for the whole check, every step included), whether results
 * equal only up to reassociation of float sums and products count as equivalent, and the seed of
 * the random inputs of the counterexample search.
 */
public record VerifyOptions(Duration timeout, boolean acceptReassociation, long seed) {

	public static VerifyOptions defaults() {
		return new VerifyOptions(Duration.ofMinutes(10), false, 1);
	}

	public VerifyOptions withTimeout(Duration limit) {
		return new VerifyOptions(limit, acceptReassociation, seed);
	}

	public VerifyOptions acceptingReassociation(boolean accept) {
		return new VerifyOptions(timeout, accept, seed);
	}
}
