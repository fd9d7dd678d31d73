package org.allo.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.allo.lang.AlloStandaloneSetup;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.ir.IrModule;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.scoping.Names;
import org.allo.lang.validation.Diagnostic;
import org.allo.lang.validation.ResourceChecker;
import org.allo.lang.verify.EquivalenceChecker;
import org.allo.lang.verify.Verdict;
import org.allo.lang.verify.VerifyOptions;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.google.inject.Injector;

/**
 * Equivalence checking of GEMMs (issue 10; targets: at least 5M symbolic operations/s, and the
 * 64 x 64 systolic GEMM against the plain one in under 2 minutes). {@code interchange}: the plain
 * GEMM against its i-k-j form; {@code systolic}: the plain GEMM against the hand-written systolic
 * array; {@code relay}: the plain GEMM against the systolic array the schedule {@code relay} builds
 * with unfold and to(..., axis=) (PEs connected by FIFOs; the schedule is applied once, in the
 * setup). Each invocation runs both programs symbolically, canonicalises and compares every output
 * element. The time per check is the primary result; {@code operations} (secondary) counts the
 * symbolic operations per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VerifyBenchmark {

	@Param({ "16", "32", "64" })
	public int n;

	private EquivalenceChecker checker;
	private IrModule gemm;
	private IrModule interchanged;
	private IrModule systolic;
	private IrModule relayed;

	/** The symbolic operations of the invocations, reported by JMH as operations per second. */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.OPERATIONS)
	public static class Operations {
		public long operations;
	}

	@Setup(Level.Trial)
	public void lower() {
		Injector injector = new AlloStandaloneSetup().createInjectorAndDoEMFRegistration();
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("gemms.allo"));
		try {
			resource.load(new ByteArrayInputStream(GemmPrograms.module(n).getBytes(StandardCharsets.UTF_8)), null);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<Diagnostic> diagnostics = injector.getInstance(ResourceChecker.class).check(resource);
		if (!diagnostics.isEmpty()) {
			throw new IllegalStateException("the benchmark kernels have diagnostics: " + diagnostics.stream().map(Diagnostic::format).toList());
		}
		Lowering lowering = injector.getInstance(Lowering.class);
		Module module = (Module) resource.getContents().get(0);
		gemm = lower(lowering, module, "gemm");
		interchanged = lower(lowering, module, "gemm_ikj");
		systolic = lower(lowering, module, "systolic");
		relayed = applied(injector, module, "relay");
		checker = injector.getInstance(EquivalenceChecker.class);
	}

	private static IrModule lower(Lowering lowering, Module module, String name) {
		FunctionDef kernel = module.getStatements().stream().filter(FunctionDef.class::isInstance).map(FunctionDef.class::cast)
				.filter(f -> f.getName().equals(name)).findFirst().orElseThrow();
		LoweringResult result = lowering.lower(kernel);
		if (!result.succeeded()) {
			throw new IllegalStateException(name + " does not lower: " + result.errors());
		}
		return result.module();
	}

	private static IrModule applied(Injector injector, Module module, String name) {
		Schedule schedule = ScheduleSteps.of(module).stream().filter(s -> Names.nameOf(s.binding()).equals(name)).findFirst().orElseThrow();
		AppliedSchedule applied = injector.getInstance(ScheduleApplier.class).apply(schedule);
		if (!applied.succeeded()) {
			throw new IllegalStateException("schedule " + name + " is refused: " + applied.errors());
		}
		return applied.module();
	}

	@Benchmark
	public Verdict interchange(Operations operations) {
		return proven(checker.compare(gemm, interchanged, VerifyOptions.defaults()), operations);
	}

	@Benchmark
	public Verdict systolic(Operations operations) {
		return proven(checker.compare(gemm, systolic, VerifyOptions.defaults()), operations);
	}

	@Benchmark
	public Verdict relay(Operations operations) {
		return proven(checker.compare(gemm, relayed, VerifyOptions.defaults()), operations);
	}

	/** A benchmark of a failing check would measure the wrong thing. */
	private static Verdict proven(Verdict verdict, Operations operations) {
		if (verdict.kind() != Verdict.Kind.EQUIVALENT) {
			throw new IllegalStateException("expected equivalent, got " + verdict.summary());
		}
		operations.operations += verdict.operations();
		return verdict;
	}
}
