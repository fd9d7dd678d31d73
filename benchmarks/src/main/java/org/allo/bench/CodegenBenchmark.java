package org.allo.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.allo.codegen.project.BuildOptions;
import org.allo.codegen.project.ProjectGenerator;
import org.allo.lang.ir.IrModule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Warm cost of {@code allo build}'s work (issue 6 targets): generating the full Vitis projects of every
 * example design (kernel.cpp, tb.cpp, host.cpp, Makefile, configs, headers, and the golden data the
 * interpreter computes), and the whole pipeline for one PolyBench-sized kernel: parse, check, lower and
 * generate.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class CodegenBenchmark {

	/** vhls: kernel.cpp and kernel.h; vitis_hls: the whole project, whose golden data runs the interpreter. */
	@Param({ "vhls", "vitis_hls" })
	public String target;

	/** Every example design, already lowered: generation alone. */
	@Benchmark
	public int generateAllExamples(ExampleDesigns examples) {
		int files = 0;
		for (IrModule module : examples.modules()) {
			files += ProjectGenerator.generate(module, BuildOptions.defaults(target, "design.prj")).size();
		}
		return files;
	}

	/** gemm (32 x 32 x 32, int32) from its text to its files. */
	@Benchmark
	public Map<String, String> fullPipelineGemm(ExampleDesigns examples) {
		return fullPipeline(examples, "gemm.allo");
	}

	/** atax (32 x 48, two calls) from its text to its files. */
	@Benchmark
	public Map<String, String> fullPipelineAtax(ExampleDesigns examples) {
		return fullPipeline(examples, "atax.allo");
	}

	private Map<String, String> fullPipeline(ExampleDesigns examples, String file) {
		List<IrModule> designs = examples.checkAndLower(file);
		return ProjectGenerator.generate(designs.get(designs.size() - 1), BuildOptions.defaults(target, "design.prj"));
	}
}
