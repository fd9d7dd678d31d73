package org.allo.lang.estimate.report;

import java.util.List;
import java.util.Locale;

import org.allo.lang.estimate.EstimateReport;
import org.allo.lang.estimate.FunctionEstimate;
import org.allo.lang.estimate.IiLimit;
import org.allo.lang.estimate.LoopEstimate;
import org.allo.lang.estimate.Resources;

/** The report as a screen of text: totals, resources, one line per loop, then why each raised II is what it is. */
public final class TextReport {

	private final StringBuilder out = new StringBuilder();

	private TextReport() {
	}

	public static String render(EstimateReport report) {
		TextReport text = new TextReport();
		text.write(report);
		return text.out.toString();
	}

	private void write(EstimateReport report) {
		line(report.top() + " on " + report.device() + " at " + Numbers.trips(report.clockMhz()) + " MHz (estimate)");
		line("latency " + Numbers.cycles(report.latency()) + " cycles (" + Numbers.micros(report.micros()) + " us), interval "
				+ Numbers.cycles(report.interval()) + " cycles");
		Resources used = report.resources();
		Resources capacity = report.capacity();
		line(String.format(Locale.ROOT, "DSP %s (%s)  BRAM18K %s (%s)  URAM %s (%s)  FF %s (%s)  LUT %s (%s)", Numbers.cycles(used.dsp()),
				Numbers.percent(used.dsp(), capacity.dsp()), Numbers.cycles(used.bram18k()), Numbers.percent(used.bram18k(), capacity.bram18k()),
				Numbers.cycles(used.uram()), Numbers.percent(used.uram(), capacity.uram()), Numbers.cycles(used.ff()),
				Numbers.percent(used.ff(), capacity.ff()), Numbers.cycles(used.lut()), Numbers.percent(used.lut(), capacity.lut())));
		line("");
		line(String.format(Locale.ROOT, "%-28s %8s %9s %9s %13s  %s", "loop", "trips", "II/asked", "iter", "cycles", "mode"));
		for (FunctionEstimate function : report.functions()) {
			if (!function.top()) {
				line(function.name() + " (called " + Numbers.trips(function.calls()) + "x, " + Numbers.cycles(function.latency()) + " cycles each)");
			}
			for (LoopEstimate loop : function.loops()) {
				loopLine(report, loop, 1);
			}
		}
		List<LoopEstimate> raised = report.loops().stream().filter(l -> l.achievedIi() > 0 && l.limits().size() > 1).toList();
		if (!raised.isEmpty()) {
			line("");
			for (LoopEstimate loop : raised) {
				line(loop.name() + ": II " + loop.achievedIi() + (loop.iiRaised() ? " (asked " + loop.requestedIi() + ")" : ""));
				for (IiLimit limit : loop.limits()) {
					if (limit.kind() != IiLimit.Kind.REQUESTED) {
						line("  " + limit.kind().name().toLowerCase(Locale.ROOT) + " " + limit.ii() + ": " + limit.reason());
					}
				}
			}
		}
		for (String note : report.notes()) {
			line("note: " + note);
		}
	}

	private void loopLine(EstimateReport report, LoopEstimate loop, int depth) {
		String name = "  ".repeat(depth) + loop.name();
		String ii = loop.achievedIi() > 0 ? loop.achievedIi() + "/" + (loop.requestedIi() > 0 ? loop.requestedIi() : "-") : "-";
		line(String.format(Locale.ROOT, "%-28s %8s %9s %9s %13s  %s", name, Numbers.trips(loop.trips()) + (loop.tripsExact() ? "" : "~"), ii,
				Numbers.cycles(loop.iterationLatency()), Numbers.cycles(report.totalCycles(loop)), mode(loop)));
		for (LoopEstimate inner : loop.inner()) {
			loopLine(report, inner, depth + 1);
		}
	}

	static String mode(LoopEstimate loop) {
		return loop.mode().name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	private void line(String text) {
		out.append(text).append('\n');
	}
}
