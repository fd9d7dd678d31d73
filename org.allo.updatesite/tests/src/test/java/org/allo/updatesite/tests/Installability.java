package org.allo.updatesite.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.allo.updatesite.tests.P2Repository.Requirement;
import org.allo.updatesite.tests.P2Repository.Unit;

/**
 * Whether installing from a site into an installation that already has the platform units can succeed:
 * every mandatory requirement of every unit on the site (bundles' Require-Bundle and Import-Package,
 * features' included and required units) must be met by a unit on the site or by a platform unit. This
 * is the closure p2's planner needs; it does not choose among alternatives, so it may accept a site on
 * which two singleton versions conflict, which the site's own build (Tycho resolves it) would reject.
 */
final class Installability {

	private Installability() {
	}

	/** "unit version requires namespace name range" for each requirement nothing meets; empty when installable. */
	static List<String> unmetRequirements(P2Repository site, List<Unit> platform) {
		List<Unit> available = Stream.concat(site.units().stream(), platform.stream()).toList();
		List<String> unmet = new ArrayList<>();
		for (Unit unit : site.units()) {
			for (Requirement requirement : unit.requires()) {
				if (!requirement.optional() && !isMet(requirement, available)) {
					unmet.add(unit.id() + " " + unit.version() + " requires " + requirement);
				}
			}
		}
		return unmet;
	}

	private static boolean isMet(Requirement requirement, List<Unit> available) {
		return available.stream().flatMap(unit -> unit.provides().stream()).anyMatch(requirement::isMetBy);
	}
}
