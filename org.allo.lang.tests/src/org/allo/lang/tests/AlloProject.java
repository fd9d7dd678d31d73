package org.allo.lang.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.allo.lang.AlloStandaloneSetup;
import org.allo.lang.allo.Module;
import org.allo.lang.util.LoggedErrors;
import org.allo.lang.validation.Diagnostic;
import org.allo.lang.validation.ResourceChecker;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;

/**
 * Files loaded together, as the command line and the editor load a project: imports between them
 * link, and the standard library comes from the language bundle.
 */
public final class AlloProject {

	private static Injector injector;

	private final XtextResourceSet resourceSet;
	private final ResourceChecker checker;

	public AlloProject() {
		resourceSet = injector().getInstance(XtextResourceSet.class);
		checker = injector().getInstance(ResourceChecker.class);
	}

	public static synchronized Injector injector() {
		if (injector == null) {
			injector = new AlloStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	/** Loads every .allo file of the folder; returns this project. */
	public AlloProject loadFolder(Path folder) {
		for (Path file : TestFiles.alloFiles(folder)) {
			load(file);
		}
		return this;
	}

	public Resource load(Path file) {
		return resourceSet.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true);
	}

	/** Adds a file with the given text under the given name (a path in no real folder). */
	public Resource add(String fileName, String text) {
		Resource resource = resourceSet.createResource(URI.createFileURI("/virtual/" + fileName));
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return resource;
	}

	public Module module(Resource resource) {
		return (Module) resource.getContents().get(0);
	}

	/** All diagnostics of the resource; an error Xtext only logged (a crashed check) fails the test. */
	public List<Diagnostic> check(Resource resource) {
		LoggedErrors.Result<List<Diagnostic>> result = LoggedErrors.capture(() -> checker.check(resource));
		if (result.firstError() != null) {
			throw new AssertionError("an error was logged while checking: " + result.firstError());
		}
		return result.value();
	}

	/** Diagnostics in the corpus format, {@code line:col: severity: message [code]}. */
	public List<String> formatted(Resource resource) {
		return check(resource).stream().map(Diagnostic::format).toList();
	}
}
