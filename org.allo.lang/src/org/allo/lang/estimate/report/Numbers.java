package org.allo.lang.estimate.report;

import java.util.Locale;

/** Number formats the three report formats share, so that they agree with each other. */
final class Numbers {

	private Numbers() {
	}

	/** An integer with thousands separators ({@code 12,345}). */
	static String cycles(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	/** A trip count: whole when it is, else one decimal (an average over a triangular nest). */
	static String trips(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
	}

	static String micros(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	static String percent(long used, long capacity) {
		return capacity <= 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * used / capacity);
	}
}
