package org.allo.updatesite.tests;

/**
 * A p2 version range: {@code [a,b)} style with inclusive/exclusive ends, or a bare version meaning
 * "that version or newer" (how p2 writes a feature's match="greaterOrEqual" and an unbounded
 * Require-Bundle bundle-version).
 */
record VersionRange(OsgiVersion minimum, boolean minimumIncluded, OsgiVersion maximum, boolean maximumIncluded) {

	static VersionRange parse(String text) {
		String range = text.strip();
		if (range.startsWith("[") || range.startsWith("(")) {
			String[] ends = range.substring(1, range.length() - 1).split(",");
			return new VersionRange(OsgiVersion.parse(ends[0].strip()), range.startsWith("["), OsgiVersion.parse(ends[1].strip()),
					range.endsWith("]"));
		}
		return new VersionRange(OsgiVersion.parse(range), true, null, false);
	}

	boolean isUnbounded() {
		return maximum == null;
	}

	boolean includes(OsgiVersion version) {
		int fromMinimum = version.compareTo(minimum);
		if (fromMinimum < 0 || fromMinimum == 0 && !minimumIncluded) {
			return false;
		}
		if (maximum == null) {
			return true;
		}
		int fromMaximum = version.compareTo(maximum);
		return fromMaximum < 0 || fromMaximum == 0 && maximumIncluded;
	}
}
