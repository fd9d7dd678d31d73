package org.allo.updatesite.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.allo.updatesite.tests.P2Repository.Requirement;
import org.allo.updatesite.tests.P2Repository.Unit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built update site installs into a plain Eclipse IDE and ships nothing it should not. */
class UpdateSiteTest {

	private static final String FEATURE_GROUP = "org.allo.feature.feature.group";
	private static final Pattern TEST_BUNDLE = Pattern.compile(".*\\.tests?$|.*junit.*|.*jqwik.*|.*hamcrest.*|.*opentest4j.*|org\\.eclipse\\.xtext\\.testing");

	private static P2Repository site;
	private static List<Unit> platformUnits;
	private static Platform platform;

	@BeforeAll
	static void readRepositories() throws IOException {
		site = P2Repository.read(Path.of(System.getProperty("allo.site")));
		platform = Platform.fromResource();
		platformUnits = platform.unitsOf(P2Repository.read(Path.of(System.getProperty("allo.targetPlatform"))));
	}

	@Test
	void everyRequirementOnTheSiteIsMetByTheSiteOrThePlatform() {
		assertEquals(List.of(), Installability.unmetRequirements(site, platformUnits));
	}

	@Test
	void aDependencyMissingFromTheSiteIsReported() {
		List<String> unmet = Installability.unmetRequirements(site.without("com.google.inject"), platformUnits);

		assertTrue(unmet.stream().anyMatch(line -> line.contains("requires osgi.bundle com.google.inject")
				|| line.contains("requires java.package com.google.inject")), () -> "unmet: " + unmet);
	}

	@Test
	void requirementsTheCheckDoesNotEvaluateAreOnlyJavaVersions() {
		Set<String> namespaces = Set.copyOf(site.units().stream().flatMap(unit -> unit.otherRequirementNamespaces().stream()).toList());

		assertTrue(Set.of("osgi.ee").containsAll(namespaces), () -> "requirements in " + namespaces);
	}

	@Test
	void theSiteShipsNeitherPlatformNorTestBundles() {
		for (Unit unit : site.units()) {
			if (unit.id().equals(Platform.JRE_UNIT)) {
				// Tycho publishes the build JDK's description with the site; it has no artifact to install.
				continue;
			}
			assertFalse(platform.provides(unit), () -> unit.id() + " is part of the platform; drop it from category.xml");
			assertFalse(TEST_BUNDLE.matcher(unit.id()).matches(), () -> unit.id() + " is a test bundle");
		}
	}

	@Test
	void theFeatureBringsTheLanguageAndEditorBundles() {
		List<String> included = featureGroup().requires().stream().map(Requirement::name).toList();

		assertTrue(included.containsAll(List.of("org.allo.lang", "org.allo.lang.ide", "org.allo.codegen", "org.allo.lang.ui")), () -> "feature: " + included);
	}

	@Test
	void theFeatureRequiresEmfOnlyAsGreaterOrEqual() {
		List<Requirement> emf = featureGroup().requires().stream().filter(r -> r.name().startsWith("org.eclipse.emf.")).toList();

		assertFalse(emf.isEmpty());
		assertTrue(emf.stream().allMatch(r -> r.range().isUnbounded()), () -> "EMF requirements: " + emf);
		assertTrue(site.units().stream().noneMatch(unit -> unit.id().startsWith("org.eclipse.emf.")), "EMF is on the site");
	}

	private static Unit featureGroup() {
		return site.units().stream().filter(unit -> unit.id().equals(FEATURE_GROUP)).findFirst()
				.orElseThrow(() -> new AssertionError("the site has no " + FEATURE_GROUP));
	}
}
