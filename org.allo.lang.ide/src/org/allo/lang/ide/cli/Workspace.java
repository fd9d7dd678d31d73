package org.allo.lang.ide.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.allo.lang.AlloStandaloneSetup;
import org.allo.lang.util.LoggedErrors;
import org.allo.lang.validation.Diagnostic;
import org.allo.lang.validation.ResourceChecker;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;

/**
 * The files the command line works on, in one resource set: each named file plus the other
 * {@code .allo} files of its folder, so that {@code from kernels import gemm} links as it does in
 * the editor.
 */
final class Workspace {

	/**
	 * The result of checking one file: its diagnostics in source order, or why it could not be read;
	 * {@code crash} is set when a check crashed (Xtext logs that instead of throwing).
	 */
	record Checked(List<Diagnostic> diagnostics, String unreadable, Throwable crash, Resource resource) {
	}

	private final XtextResourceSet resourceSet;
	private final ResourceChecker checker;
	private final Injector injector;

	private Workspace(Injector injector) {
		this.resourceSet = injector.getInstance(XtextResourceSet.class);
		this.checker = injector.getInstance(ResourceChecker.class);
		this.injector = injector;
		resourceSet.addLoadOption(XtextResource.OPTION_ENCODING, "UTF-8");
	}

	static Workspace create() {
		return new Workspace(new AlloStandaloneSetup().createInjectorAndDoEMFRegistration());
	}

	<T> T instance(Class<T> type) {
		return injector.getInstance(type);
	}

	Checked check(String file) {
		Path path = Paths.get(file).toAbsolutePath().normalize();
		String problem = readProblem(path);
		if (problem != null) {
			return new Checked(List.of(), problem, null, null);
		}
		addSiblings(path);
		Resource resource;
		try {
			resource = resourceSet.getResource(uriOf(path), true);
		} catch (RuntimeException e) {
			String reason = e.getCause() instanceof IOException io ? io.getMessage() : String.valueOf(e.getMessage());
			return new Checked(List.of(), reason, null, null);
		}
		LoggedErrors.Result<List<Diagnostic>> result = LoggedErrors.capture(() -> checker.check(resource));
		return new Checked(result.value(), null, result.firstCause(), resource);
	}

	private static String readProblem(Path path) {
		if (!Files.exists(path)) {
			return "no such file";
		}
		if (Files.isDirectory(path)) {
			return "is a directory";
		}
		if (!Files.isReadable(path)) {
			return "permission denied";
		}
		return null;
	}

	/** Loads the folder's other .allo files, which is how the index learns the modules they define. */
	private void addSiblings(Path path) {
		Path folder = path.getParent();
		if (folder == null) {
			return;
		}
		try (DirectoryStream<Path> siblings = Files.newDirectoryStream(folder, "*.allo")) {
			for (Path sibling : siblings) {
				load(sibling);
			}
		} catch (IOException e) {
			// an unlistable folder only matters for imports, and an unresolved import says so
		}
	}

	private void load(Path sibling) {
		URI uri = uriOf(sibling);
		if (resourceSet.getResource(uri, false) != null || !Files.isRegularFile(sibling) || !Files.isReadable(sibling)) {
			return;
		}
		Resource resource = resourceSet.createResource(uri);
		try {
			resource.load(Map.of());
		} catch (IOException e) {
			resourceSet.getResources().remove(resource);
		}
	}

	private static URI uriOf(Path path) {
		return URI.createFileURI(path.toString());
	}
}
