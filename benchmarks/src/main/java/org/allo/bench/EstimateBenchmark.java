package org.allo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.allo.lang.AlloStandaloneSetup;
import org.allo.lang.allo.Module;
import org.allo.lang.estimate.Estimator;
import org.allo.lang.ir.IrModule;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The estimator on the 13 scheduled PolyBench designs of examples/polybench (system property
 * {@code allo.examples}, default {@code ../examples}), each with its last schedule applied once in
 * the setup: the time of {@code Estimator.estimate} for all 13, which the editor pays per design
 * on a hover or inlay hint (target: a few milliseconds per design).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EstimateBenchmark {

	private final List<IrModule> designs = new ArrayList<>();

	@Setup
	public void setUp() throws IOException {
		Path folder = Path.of(System.getProperty("allo.examples", "../examples"), "polybench").toAbsolutePath().normalize();
		var injector = new AlloStandaloneSetup().createInjectorAndDoEMFRegistration();
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		ScheduleApplier applier = injector.getInstance(ScheduleApplier.class);
		try (var files = Files.list(folder)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".allo")).sorted().toList()) {
				Module module = (Module) resourceSet.getResource(URI.createFileURI(file.toString()), true).getContents().get(0);
				List<ScheduleSteps.Schedule> schedules = ScheduleSteps.of(module);
				AppliedSchedule applied = applier.apply(schedules.get(schedules.size() - 1));
				if (!applied.succeeded()) {
					throw new IllegalStateException(file + ": " + applied.errors());
				}
				designs.add(applied.module());
			}
		}
		System.out.println("scheduled PolyBench designs: " + designs.size());
	}

	@Benchmark
	public void estimateEveryDesign(Blackhole sink) {
		for (IrModule design : designs) {
			sink.consume(Estimator.estimate(design));
		}
	}
}
