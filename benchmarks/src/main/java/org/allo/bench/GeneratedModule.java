package org.allo.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.allo.lang.AlloStandaloneSetup;
import org.allo.lang.validation.Diagnostic;
import org.allo.lang.validation.ResourceChecker;
import org.allo.lang.validation.ScheduleOutcomes;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.google.inject.Injector;

/**
 * The benchmark input, a generated module of about 10,000 lines, and the resource set and checker
 * that {@code allo check} uses. The standard library stays loaded across invocations, as it does in
 * an editor session; each invocation parses, links and validates the module afresh.
 */
@State(Scope.Thread)
public class GeneratedModule {

	static final int TARGET_LINES = 10_000;

	private XtextResourceSet resourceSet;
	private ResourceChecker checker;
	private ScheduleOutcomes scheduleOutcomes;
	private byte[] source;
	private int lines;

	@Setup(Level.Trial)
	public void setUp() {
		Injector injector = new AlloStandaloneSetup().createInjectorAndDoEMFRegistration();
		resourceSet = injector.getInstance(XtextResourceSet.class);
		checker = injector.getInstance(ResourceChecker.class);
		scheduleOutcomes = injector.getInstance(ScheduleOutcomes.class);
		String text = ModuleGenerator.generate(TARGET_LINES);
		source = text.getBytes(StandardCharsets.UTF_8);
		lines = ModuleGenerator.lineCount(text);
		// A benchmark of error recovery and diagnostic formatting would say nothing about checking
		// real code: refuse to start unless the input is clean.
		XtextResource resource = load();
		List<Diagnostic> diagnostics = check(resource);
		discard(resource);
		if (!diagnostics.isEmpty()) {
			throw new IllegalStateException("the generated module has " + diagnostics.size() + " diagnostics, first: "
					+ diagnostics.subList(0, Math.min(5, diagnostics.size())).stream().map(Diagnostic::format).toList());
		}
		System.out.println("generated module: " + lines + " lines, " + source.length + " bytes");
	}

	int lines() {
		return lines;
	}

	/** Lexing, layout tokens, parsing into the AST and node model; cross-references stay proxies. */
	XtextResource load() {
		XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("bench.allo"));
		try {
			resource.load(new ByteArrayInputStream(source), null);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return resource;
	}

	/** Linking and every check, exactly as {@code allo check} reports them. */
	List<Diagnostic> check(XtextResource resource) {
		return checker.check(resource);
	}

	/**
	 * Keeps the resource set from growing across invocations, and forgets the schedule outcomes kept
	 * for the next version of the file: each {@code allo check} is a new process, where every schedule
	 * is applied, and the same text checked again would otherwise find them all kept.
	 */
	void discard(XtextResource resource) {
		resourceSet.getResources().remove(resource);
		scheduleOutcomes.clear();
	}
}
