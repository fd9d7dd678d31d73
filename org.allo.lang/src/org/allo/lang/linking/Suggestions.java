package org.allo.lang.linking;

import java.util.Collection;

/** "Did you mean" candidates: the closest known name within a small edit distance. */
public final class Suggestions {

	private Suggestions() {
	}

	/** The candidate closest to {@code wanted}, or null when none is plausibly a typo of it. */
	public static String closest(String wanted, Collection<String> candidates) {
		if (wanted.length() < 3) {
			return null; // every short name is one edit away from another: no useful guess
		}
		String best = null;
		int bestDistance = Math.max(1, wanted.length() / 3) + 1;
		for (String candidate : candidates) {
			int distance = distance(wanted, candidate);
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	/** ", did you mean 'x'?" or "" — ready to append to a message. */
	public static String didYouMean(String wanted, Collection<String> candidates) {
		String best = closest(wanted, candidates);
		return best == null ? "" : "; did you mean '" + best + "'?";
	}

	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}
}
