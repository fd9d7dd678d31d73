package org.allo.lang.verify;

/**
 * The answer for one pair of programs, with the operations executed symbolically and the time taken.
 * {@code reason} explains every kind but {@link Kind#EQUIVALENT}; a {@link Kind#NOT_EQUIVALENT}
 * verdict always carries a counterexample the interpreter reproduces.
 */
public record Verdict(Kind kind, String reason, Counterexample counterexample, long operations, long nanos) {

	public enum Kind {
		/** Every output element has the same canonical term. */
		EQUIVALENT,
		/** Equal once float sums or products are reassociated, which changes rounding. */
		EQUIVALENT_UP_TO_REASSOCIATION,
		/** Concrete inputs give different outputs. */
		NOT_EQUIVALENT,
		/** The terms differ but no tried input shows it: not proven either way. */
		UNPROVEN,
		/** The programs cannot be executed symbolically (see reason), or a step was refused. */
		CANNOT_VERIFY,
		/** The time limit was reached. */
		TIMED_OUT
	}

	/** Whether the check proves the programs equivalent under the options. */
	public boolean proven(VerifyOptions options) {
		return kind == Kind.EQUIVALENT || kind == Kind.EQUIVALENT_UP_TO_REASSOCIATION && options.acceptReassociation();
	}

	/** {@code equivalent}, {@code not equivalent: ...}, ... without the statistics. */
	public String summary() {
		return switch (kind) {
		case EQUIVALENT -> "equivalent";
		case EQUIVALENT_UP_TO_REASSOCIATION -> "equivalent up to reassociation (" + reason + ")";
		case NOT_EQUIVALENT -> "not equivalent: " + reason;
		case UNPROVEN -> "not proven: " + reason;
		case CANNOT_VERIFY -> "cannot verify: " + reason;
		case TIMED_OUT -> "timed out: " + reason;
		};
	}

	/** {@code 1.2M ops, 0.4 s}. */
	public String statistics() {
		return operationsText(operations) + " ops, " + String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
	}

	static String operationsText(long operations) {
		if (operations >= 1_000_000) {
			return String.format(java.util.Locale.ROOT, "%.1fM", operations / 1e6);
		}
		if (operations >= 1_000) {
			return String.format(java.util.Locale.ROOT, "%.1fK", operations / 1e3);
		}
		return Long.toString(operations);
	}
}
