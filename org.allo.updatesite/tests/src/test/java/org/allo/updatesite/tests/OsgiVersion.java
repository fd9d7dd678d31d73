package org.allo.updatesite.tests;

/** An OSGi version as p2 writes it: major.minor.micro and an optional qualifier compared as text. */
record OsgiVersion(int major, int minor, int micro, String qualifier) implements Comparable<OsgiVersion> {

	static OsgiVersion parse(String text) {
		String[] parts = text.split("\\.", 4);
		try {
			return new OsgiVersion(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0,
					parts.length > 2 ? Integer.parseInt(parts[2]) : 0, parts.length > 3 ? parts[3] : "");
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("not an OSGi version: '" + text + "'", e);
		}
	}

	@Override
	public int compareTo(OsgiVersion other) {
		int byMajor = Integer.compare(major, other.major);
		if (byMajor != 0) {
			return byMajor;
		}
		int byMinor = Integer.compare(minor, other.minor);
		if (byMinor != 0) {
			return byMinor;
		}
		int byMicro = Integer.compare(micro, other.micro);
		return byMicro != 0 ? byMicro : qualifier.compareTo(other.qualifier);
	}

	@Override
	public String toString() {
		return major + "." + minor + "." + micro + (qualifier.isEmpty() ? "" : "." + qualifier);
	}
}
