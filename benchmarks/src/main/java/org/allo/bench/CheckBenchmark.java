package org.allo.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.allo.lang.validation.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.XtextResource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Warm throughput of {@code allo check}'s work on a generated 10,000-line module: the primary
 * result is modules per second, the secondary result {@code lines} is source lines per second;
 * {@code cpuMicros / calls} of {@code parseLinkValidate} is the CPU time per check, which on a
 * machine shared with other builds says more than the wall time.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CheckBenchmark {

	/** Parse, link and validate: what {@code allo check} does per file. */
	@Benchmark
	public List<Diagnostic> parseLinkValidate(GeneratedModule module, LineCounter counter, CpuTime cpu) {
		long start = cpu.start();
		XtextResource resource = module.load();
		List<Diagnostic> diagnostics = module.check(resource);
		module.discard(resource);
		cpu.stop(start);
		counter.lines += module.lines();
		return diagnostics;
	}

	/** Parse only, for comparison: how much of the check is parsing. */
	@Benchmark
	public EObject parseOnly(GeneratedModule module, LineCounter counter) {
		XtextResource resource = module.load();
		module.discard(resource);
		counter.lines += module.lines();
		return resource.getParseResult().getRootASTElement();
	}
}
