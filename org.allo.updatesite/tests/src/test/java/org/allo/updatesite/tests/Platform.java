package org.allo.updatesite.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.allo.updatesite.tests.P2Repository.Unit;

/** Which units a plain Eclipse IDE already has: the Maven coordinates listed in platform.txt, and the JRE. */
final class Platform {

	/** The unit p2 gives the Java runtime's packages and execution environments. */
	static final String JRE_UNIT = "a.jre.javase";

	private final List<String> coordinates;

	private Platform(List<String> coordinates) {
		this.coordinates = coordinates;
	}

	static Platform fromResource() throws IOException {
		try (InputStream in = Platform.class.getResourceAsStream("/platform.txt");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return new Platform(reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList());
		}
	}

	boolean provides(Unit unit) {
		if (unit.id().equals(JRE_UNIT)) {
			return true;
		}
		String groupId = unit.properties().get("maven-groupId");
		String artifactId = unit.properties().get("maven-artifactId");
		return groupId != null && (coordinates.contains(groupId + ":*") || coordinates.contains(groupId + ":" + artifactId));
	}

	/** The units of {@code target} that the platform provides. */
	List<Unit> unitsOf(P2Repository target) {
		return target.units().stream().filter(this::provides).toList();
	}
}
