package org.allo.lang.ide.server;

import java.util.Map;

/** One-line documentation of each schedule primitive, shown by completion and signature help. */
final class PrimitiveDocs {

	private static final Map<String, String> DOCS = Map.ofEntries(
			Map.entry("split", "Splits loop `axis` into `axis.outer` and `axis.inner`; the inner loop runs `factor` iterations."),
			Map.entry("reorder", "Reorders the named loops of one band into the order given."),
			Map.entry("fuse", "Fuses consecutive loops of a band into one loop named `a_b_fused`; returns it."),
			Map.entry("unroll", "Unrolls loop `axis` by `factor` (0: fully)."),
			Map.entry("pipeline", "Pipelines loop `axis` with the given initiation interval (II)."),
			Map.entry("parallel", "Marks loop `axis` as parallel."),
			Map.entry("partition", "Partitions tensor `target` on `dim` (0: all dims) into `factor` banks: Block, Cyclic or Complete."),
			Map.entry("reshape", "Gives tensor `target` a new shape with the same number of elements."),
			Map.entry("buffer_at", "Creates an on-chip buffer for tensor `target` at loop `axis`; returns it."),
			Map.entry("reuse_at", "Creates a reuse buffer (line or window buffer) for `target` at loop `axis`; returns it."),
			Map.entry("compute_at", "Computes the loop nest `from_loop` inside `target_loop` (producer-consumer fusion)."),
			Map.entry("unfold", "Unfolds the loops `axes` of band `band_name` into a grid of processing elements."),
			Map.entry("to", "Streams tensor `target` to `dst` through a FIFO of `depth` elements."),
			Map.entry("dataflow", "Runs the loops or kernels inside `axis` as a dataflow region."),
			Map.entry("inline", "Inlines kernel `axis` into its callers."),
			Map.entry("compose", "Replays the steps of other schedules (of called kernels) in this one."),
			Map.entry("get_loops", "The loops of the kernel, by band."),
			Map.entry("build", "Builds the scheduled design for a target: `vhls`, `vitis_hls`, `llvm`."));

	private PrimitiveDocs() {
	}

	static String of(String primitive) {
		return DOCS.getOrDefault(primitive, "");
	}
}
