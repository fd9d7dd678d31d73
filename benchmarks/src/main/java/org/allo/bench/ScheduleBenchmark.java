package org.allo.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.allo.lang.AlloStandaloneSetup;
import org.allo.lang.allo.Module;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.validation.Diagnostic;
import org.allo.lang.validation.ResourceChecker;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.google.inject.Injector;

/**
 * Applying a 20-step schedule (split, reorder, fuse, unroll, pipeline, parallel; reorder and
 * parallel run the dependence analysis) to a kernel of about 1,000 IR statements (target: at
 * most 100 ms warm). Each invocation copies the kernel's lowering (made once per file version, as
 * in allo check) and applies every step. The secondary results {@code cpuMicros} and
 * {@code calls} give the CPU time per application.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScheduleBenchmark {

	private static final int BANDS = 50;
	private static final int STATEMENTS_PER_BAND = 18;

	private ScheduleApplier applier;
	private Schedule schedule;

	@Setup
	public void setUp() {
		Injector injector = new AlloStandaloneSetup().createInjectorAndDoEMFRegistration();
		XtextResource resource = (XtextResource) injector.getInstance(XtextResourceSet.class).createResource(URI.createURI("schedule.allo"));
		try {
			resource.load(new ByteArrayInputStream(source().getBytes(StandardCharsets.UTF_8)), null);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<Diagnostic> diagnostics = injector.getInstance(ResourceChecker.class).check(resource);
		if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
			throw new IllegalStateException("the generated schedule has errors: " + diagnostics.subList(0, Math.min(5, diagnostics.size())));
		}
		applier = injector.getInstance(ScheduleApplier.class);
		schedule = ScheduleSteps.of((Module) resource.getContents().get(0)).get(0);
		AppliedSchedule applied = applier.apply(schedule);
		if (!applied.succeeded() || applied.stepsApplied() != 20) {
			throw new IllegalStateException("the schedule did not apply: " + applied.errors());
		}
		System.out.println("kernel: " + countStatements(applied) + " IR statements after the schedule; " + schedule.steps().size() + " steps");
	}

	private static long countStatements(AppliedSchedule applied) {
		long count = 0;
		for (var contents = applied.module().eAllContents(); contents.hasNext();) {
			if (contents.next() instanceof IrStatement) {
				count++;
			}
		}
		return count;
	}

	@Benchmark
	public AppliedSchedule apply(CpuTime cpu) {
		long start = cpu.start();
		AppliedSchedule applied = applier.apply(schedule);
		cpu.stop(start);
		return applied;
	}

	/** 50 bands of 16 × 16 iterations, 18 statements each, and a schedule touching ten of them. */
	static String source() {
		StringBuilder text = new StringBuilder("import allo\nfrom allo.ir.types import int32\n\n\n");
		text.append("def big(A: int32[16, 17], B: int32[16, 17]) -> int32[16, 17]:\n");
		text.append("    C: int32[16, 17] = 0\n");
		for (int band = 0; band < BANDS; band++) {
			text.append("    for i").append(band).append(", j").append(band).append(" in allo.grid(16, 16, name=\"b").append(band).append("\"):\n");
			for (int s = 0; s < STATEMENTS_PER_BAND; s++) {
				String i = "i" + band;
				String j = "j" + band;
				switch (s % 3) {
				case 0 -> text.append("        C[").append(i).append(", ").append(j).append("] += A[").append(i).append(", ").append(j).append("] * ").append(s + 1).append('\n');
				case 1 -> text.append("        B[").append(i).append(", ").append(j).append(" + 1] = B[").append(i).append(", ").append(j).append("] + C[").append(i).append(", ").append(j).append("]\n");
				default -> text.append("        A[").append(i).append(", ").append(j).append("] = A[").append(i).append(", ").append(j).append("] - ").append(s).append('\n');
				}
			}
		}
		text.append("    return C\n\n\ns = allo.customize(big)\n");
		for (int band = 0; band < 4; band++) {
			String i = "\"i" + band;
			String j = "\"j" + band;
			text.append("s.split(").append(i).append("\", 4)\n");
			text.append("s.reorder(").append(i).append(".inner\", ").append(i).append(".outer\")\n");
			text.append("s.parallel(").append(i).append(".inner\")\n");
			text.append("s.pipeline(").append(j).append("\")\n");
		}
		text.append("s.fuse(\"i4\", \"j4\")\ns.unroll(\"i4_j4_fused\", 4)\ns.reorder(\"j5\", \"i5\")\ns.parallel(\"i6\")\n");
		return text.toString();
	}
}
