package org.allo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.allo.lang.AlloStandaloneSetup;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.dataflow.FifoSizing;
import org.allo.lang.ir.IrModule;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.validation.Diagnostic;
import org.allo.lang.validation.ResourceChecker;
import org.allo.lang.validation.ScheduleOutcomes;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.google.inject.Injector;

/**
 * The examples/ folder (system property {@code allo.examples}, default {@code ../examples}) in one resource
 * set, and the designs {@code allo build} builds from it (each customised kernel and the last kernel of a
 * file) that lower, lowered once for the generation benchmark.
 */
@State(Scope.Thread)
public class ExampleDesigns {

	private Path folder;
	private XtextResourceSet resourceSet;
	private ResourceChecker checker;
	private Lowering lowering;
	private ScheduleOutcomes scheduleOutcomes;
	private FifoSizing fifoSizing;
	private final List<IrModule> modules = new ArrayList<>();

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		folder = Path.of(System.getProperty("allo.examples", "../examples")).toAbsolutePath().normalize();
		Injector injector = new AlloStandaloneSetup().createInjectorAndDoEMFRegistration();
		resourceSet = injector.getInstance(XtextResourceSet.class);
		checker = injector.getInstance(ResourceChecker.class);
		lowering = injector.getInstance(Lowering.class);
		scheduleOutcomes = injector.getInstance(ScheduleOutcomes.class);
		fifoSizing = injector.getInstance(FifoSizing.class);
		try (var files = Files.list(folder)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".allo")).sorted().toList()) {
				resourceSet.getResource(URI.createFileURI(file.toString()), true);
			}
		}
		for (Resource resource : new ArrayList<>(resourceSet.getResources())) {
			if (resource.getURI().isFile() && resource.getURI().toFileString().startsWith(folder.toString())) {
				modules.addAll(lowerDesigns((Module) resource.getContents().get(0)));
			}
		}
		// keep only the standard library loaded, so a fresh load of an example does not see its twin
		resourceSet.getResources().removeIf(resource -> resource.getURI().isFile()
				&& resource.getURI().toFileString().startsWith(folder.toString()));
		System.out.println("example designs: " + modules.size());
	}

	List<IrModule> modules() {
		return modules;
	}

	/** Parses, links, checks and lowers one example afresh (what allo build does before generating). */
	List<IrModule> checkAndLower(String name) {
		XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("fresh-" + name));
		try (var in = Files.newInputStream(folder.resolve(name))) {
			resource.load(in, null);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<Diagnostic> diagnostics = checker.check(resource);
		if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
			throw new IllegalStateException(name + " has errors: " + diagnostics);
		}
		List<IrModule> lowered = lowerDesigns((Module) resource.getContents().get(0));
		resourceSet.getResources().remove(resource);
		// as in a fresh allo build process: the editor's cache of schedule outcomes must not make repeated checks cheap
		scheduleOutcomes.clear();
		return lowered;
	}

	private List<IrModule> lowerDesigns(Module module) {
		Set<FunctionDef> tops = new LinkedHashSet<>();
		ScheduleSteps.of(module).stream().map(ScheduleSteps.Schedule::kernel).filter(Objects::nonNull).forEach(tops::add);
		List<FunctionDef> kernels = module.getStatements().stream().filter(FunctionDef.class::isInstance)
				.map(FunctionDef.class::cast).toList();
		if (!kernels.isEmpty()) {
			tops.add(kernels.get(kernels.size() - 1));
		}
		List<IrModule> lowered = new ArrayList<>();
		for (FunctionDef kernel : tops) {
			LoweringResult result = lowering.lower(kernel);
			if (result.succeeded()) {
				// as allo build does: a region's omitted FIFO depths are inferred before generation
				fifoSizing.sizeOmittedDepths(result.module());
				lowered.add(result.module());
			}
		}
		return lowered;
	}
}
