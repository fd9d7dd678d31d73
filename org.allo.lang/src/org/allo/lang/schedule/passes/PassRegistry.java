package org.allo.lang.schedule.passes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/** The pass for each schedule primitive of LANGUAGE.md §4. */
@Singleton
public class PassRegistry {

	/** Schedule methods that query or build the design instead of rewriting it. */
	private static final Set<String> NON_TRANSFORMING = Set.of("build", "get_loops");

	private final Map<String, SchedulePass> passes;

	@Inject
	public PassRegistry(
			BufferAtPass bufferAt,
			ComposePass compose,
			ComputeAtPass computeAt,
			DataflowPass dataflow,
			FusePass fuse,
			InlinePass inline,
			ParallelPass parallel,
			PartitionPass partition,
			PipelinePass pipeline,
			ReorderPass reorder,
			ReshapePass reshape,
			ReuseAtPass reuseAt,
			SplitPass split,
			ToPass to,
			UnfoldPass unfold,
			UnrollPass unroll) {
		passes = List.<SchedulePass>of(
				bufferAt,
				compose,
				computeAt,
				dataflow,
				fuse,
				inline,
				parallel,
				partition,
				pipeline,
				reorder,
				reshape,
				reuseAt,
				split,
				to,
				unfold,
				unroll).stream()
				.collect(Collectors.toMap(SchedulePass::primitive, Function.identity()));
	}

	private PassRegistry(Map<String, SchedulePass> passes) {
		this.passes = passes;
	}

	/** This registry with {@code pass} in place of the pass of its primitive (tests inject faulty passes this way). */
	public PassRegistry replacing(SchedulePass pass) {
		Map<String, SchedulePass> copy = new HashMap<>(passes);
		copy.put(pass.primitive(), pass);
		return new PassRegistry(copy);
	}

	public Optional<SchedulePass> pass(String primitive) {
		return Optional.ofNullable(passes.get(primitive));
	}

	public boolean transforms(String primitive) {
		return !NON_TRANSFORMING.contains(primitive);
	}
}
