package org.allo.lang.ide.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.allo.lang.estimate.EstimateReport;
import org.allo.lang.estimate.IiLimit;
import org.allo.lang.estimate.LoopEstimate;
import org.allo.lang.ide.server.ScheduleEstimates.Estimated;
import org.allo.lang.scoping.Names;

/**
 * The estimate part of a loop hover: how the hardware runs the loop, its II achieved against the
 * II requested and what raised it, and its latency, with the schedule step the estimate is of.
 * A loop the schedule split is shown through the loops it became ({@code i.outer}, {@code i.inner}).
 */
final class EstimateHover {

	private EstimateHover() {
	}

	/**
	 * The loop {@code name} as a schedule string names it ({@code "j"}, {@code "gemm:j"}), in the
	 * functions of {@code kernel} when that is not null (its instances too); nothing when the
	 * estimate has no such loop, nor loops it was split into.
	 */
	static Optional<String> of(Estimated estimated, String kernel, String name) {
		EstimateReport report = estimated.report();
		List<LoopEstimate> loops = new ArrayList<>();
		report.loop(kernel == null ? name : kernel + ":" + name).ifPresentOrElse(loops::add,
				() -> report.loops().stream().filter(loop -> loop.name().startsWith(name + ".") && inKernel(loop, kernel))
						.forEach(loops::add));
		if (loops.isEmpty()) {
			return Optional.empty();
		}
		StringBuilder text = new StringBuilder("estimate ").append(of(estimated)).append(", ").append(report.device()).append(" at ")
				.append(number(report.clockMhz())).append(" MHz:");
		for (LoopEstimate loop : loops) {
			text.append("\n- ").append(loops.size() > 1 ? "`" + loop.name() + "` " : "").append(line(report, loop));
		}
		return Optional.of(text.toString());
	}

	/** As {@link EstimateReport#loop(String)} restricts a {@code kernel:loop} reference. */
	private static boolean inKernel(LoopEstimate loop, String kernel) {
		return kernel == null || loop.function().equals(kernel) || loop.function().startsWith(kernel + "_");
	}

	private static String of(Estimated estimated) {
		if (estimated.schedule() == null) {
			return "of the unscheduled kernel";
		}
		String schedule = "`" + Names.nameOf(estimated.schedule().binding()) + "`";
		return estimated.step() == 0 ? "before the steps of " + schedule
				: "after step " + estimated.step() + " (" + estimated.schedule().steps().get(estimated.step() - 1).name() + ") of " + schedule;
	}

	private static String line(EstimateReport report, LoopEstimate loop) {
		long total = report.totalCycles(loop);
		String latency = "latency " + cycles(loop.latency()) + " per entry, " + cycles(total) + " ("
				+ String.format(Locale.ROOT, "%.2f", total / report.clockMhz()) + " µs) per call";
		return mode(loop) + "; " + latency;
	}

	private static String mode(LoopEstimate loop) {
		return switch (loop.mode()) {
		case PIPELINED -> "pipelined, II " + loop.achievedIi() + " (requested " + loop.requestedIi() + ")" + why(loop);
		case FLATTENED -> "flattened into the pipelined loop inside it";
		case IN_PIPELINE -> "fully unrolled inside a pipeline";
		case UNROLLED -> "unrolled";
		case DATAFLOW -> "dataflow region";
		case COPY -> "on-chip copy";
		case SEQUENTIAL -> "sequential, " + cycles(loop.iterationLatency()) + " per iteration";
		};
	}

	/** The binding limit (listed first) when it raised the II above the request. */
	private static String why(LoopEstimate loop) {
		if (!loop.iiRaised() || loop.limits().isEmpty()) {
			return "";
		}
		IiLimit binding = loop.limits().get(0);
		return ", raised by " + binding.kind().name().toLowerCase(Locale.ROOT) + ": " + binding.reason();
	}

	static String cycles(long count) {
		return String.format(Locale.ROOT, "%,d cycle%s", count, count == 1 ? "" : "s");
	}

	private static String number(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
	}
}
