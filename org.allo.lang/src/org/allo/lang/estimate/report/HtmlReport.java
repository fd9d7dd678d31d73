package org.allo.lang.estimate.report;

import java.util.List;
import java.util.Locale;

import org.allo.lang.estimate.DataflowStage;
import org.allo.lang.estimate.EstimateReport;
import org.allo.lang.estimate.FunctionEstimate;
import org.allo.lang.estimate.IiLimit;
import org.allo.lang.estimate.LoopEstimate;
import org.allo.lang.estimate.Resources;

/**
 * The report as one self-contained XHTML page (inline CSS and SVG, nothing fetched): totals and
 * resources, a bar per loop of its cycles per call of the design, the loop tree with II and its
 * reasons, and for each dataflow region its stages on a time line with the channels between them
 * (FIFO depths for streams).
 */
public final class HtmlReport {

	private static final int CHART_WIDTH = 520;
	private static final int LABEL_WIDTH = 220;
	private static final int BAR_HEIGHT = 18;

	private static final String STYLE = """
			body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:60em}
			h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em;border-bottom:1px solid #ddd}
			table{border-collapse:collapse}td,th{padding:.2em .8em;text-align:right;border-bottom:1px solid #eee}
			th:first-child,td:first-child{text-align:left}
			.bar{fill:#4a7fb5}.bar.pipelined,.bar.flattened{fill:#3c9a5f}.bar.copy{fill:#b0b0b0}
			.bar.in-pipeline{fill:#a7d3b5}.bar.dataflow{fill:#c98a2e}
			svg text{font-size:12px;font-family:system-ui,sans-serif}
			ul.tree{list-style:none;padding-left:1.2em}ul.tree li{margin:.15em 0}
			.loop{font-family:monospace;font-weight:bold}.raised{color:#b03030}.why{color:#555;font-size:.9em}
			.stage{fill:#e8eef6;stroke:#4a7fb5}.channel{stroke:#c98a2e;stroke-width:1.5;fill:none}
			.note{color:#7a5a00}
			""";

	private final StringBuilder out = new StringBuilder();

	private HtmlReport() {
	}

	public static String render(EstimateReport report) {
		HtmlReport html = new HtmlReport();
		html.page(report);
		return html.out.toString();
	}

	private void page(EstimateReport report) {
		out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
				.append(escape(report.top())).append(" estimate</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
		out.append("<h1>").append(escape(report.top())).append(": estimated latency and resources</h1>\n");
		out.append("<p>").append(Numbers.cycles(report.latency())).append(" cycles (").append(Numbers.micros(report.micros()))
				.append(" µs at ").append(Numbers.trips(report.clockMhz())).append(" MHz on ").append(escape(report.device()))
				.append("), interval ").append(Numbers.cycles(report.interval()))
				.append(" cycles. These are estimates from the model in docs/ESTIMATES.md, not synthesis results.</p>\n");
		resources(report.resources(), report.capacity());
		chart(report);
		out.append("<h2>Loops</h2>\n");
		for (FunctionEstimate function : report.functions()) {
			out.append("<h3>").append(escape(function.name())).append("</h3>\n<p>").append(Numbers.cycles(function.latency()))
					.append(" cycles per call, called ").append(Numbers.trips(function.calls())).append(function.dataflow() ? " times; dataflow region" : " times")
					.append("</p>\n");
			tree(report, function.loops());
		}
		for (FunctionEstimate function : report.functions()) {
			if (!function.stages().isEmpty()) {
				dataflow(function);
			}
		}
		if (!report.notes().isEmpty()) {
			out.append("<h2>Notes</h2>\n<ul>\n");
			for (String note : report.notes()) {
				out.append("<li class=\"note\">").append(escape(note)).append("</li>\n");
			}
			out.append("</ul>\n");
		}
		out.append("</body>\n</html>\n");
	}

	private void resources(Resources used, Resources capacity) {
		out.append("<table class=\"resources\">\n<tr><th>resource</th><th>used</th><th>available</th><th>share</th></tr>\n");
		row("DSP", used.dsp(), capacity.dsp());
		row("BRAM 18K", used.bram18k(), capacity.bram18k());
		row("URAM", used.uram(), capacity.uram());
		row("FF", used.ff(), capacity.ff());
		row("LUT", used.lut(), capacity.lut());
		out.append("</table>\n");
	}

	private void row(String name, long used, long capacity) {
		out.append("<tr><td>").append(name).append("</td><td>").append(Numbers.cycles(used)).append("</td><td>")
				.append(Numbers.cycles(capacity)).append("</td><td>").append(Numbers.percent(used, capacity)).append("</td></tr>\n");
	}

	private void chart(EstimateReport report) {
		List<LoopEstimate> loops = report.loops();
		long longest = Math.max(1, loops.stream().mapToLong(report::totalCycles).max().orElse(1));
		int height = loops.size() * (BAR_HEIGHT + 4) + 4;
		out.append("<h2>Cycles per loop</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"")
				.append(LABEL_WIDTH + CHART_WIDTH + 110).append("\" height=\"").append(height).append("\">\n");
		int y = 4;
		for (LoopEstimate loop : loops) {
			long cycles = report.totalCycles(loop);
			long width = Math.max(1, Math.round((double) cycles / longest * CHART_WIDTH));
			String mode = TextReport.mode(loop).replace(' ', '-');
			out.append("<g><title>").append(escape(loop.function() + ": " + loop.name() + ", " + TextReport.mode(loop)))
					.append("</title><text x=\"0\" y=\"").append(y + 13).append("\">").append(escape(loop.name())).append("</text><rect class=\"bar ")
					.append(mode).append("\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"").append(width)
					.append("\" height=\"").append(BAR_HEIGHT).append("\"/><text x=\"").append(LABEL_WIDTH + width + 6).append("\" y=\"")
					.append(y + 13).append("\">").append(Numbers.cycles(cycles)).append("</text></g>\n");
			y += BAR_HEIGHT + 4;
		}
		out.append("</svg>\n");
	}

	private void tree(EstimateReport report, List<LoopEstimate> loops) {
		if (loops.isEmpty()) {
			return;
		}
		out.append("<ul class=\"tree\">\n");
		for (LoopEstimate loop : loops) {
			out.append("<li><span class=\"loop\">").append(escape(loop.name())).append("</span> ").append(Numbers.trips(loop.trips()))
					.append(loop.tripsExact() ? "" : " (average)").append(" trips, ").append(TextReport.mode(loop));
			if (loop.achievedIi() > 0) {
				out.append(loop.iiRaised() ? ", <span class=\"raised\">II " : ", II ").append(loop.achievedIi())
						.append(loop.requestedIi() > 0 ? " (asked " + loop.requestedIi() + ")" : "").append(loop.iiRaised() ? "</span>" : "");
			}
			out.append(", ").append(Numbers.cycles(report.totalCycles(loop))).append(" cycles");
			for (IiLimit limit : loop.limits()) {
				if (limit.kind() != IiLimit.Kind.REQUESTED) {
					out.append("<div class=\"why\">").append(escape(limit.kind().name().toLowerCase(Locale.ROOT) + " II " + limit.ii() + ": "
							+ limit.reason())).append("</div>");
				}
			}
			tree(report, loop.inner());
			out.append("</li>\n");
		}
		out.append("</ul>\n");
	}

	/** The stages of a region on a time line (x = start .. end) with an arrow per channel, labelled with its FIFO depth. */
	private void dataflow(FunctionEstimate function) {
		List<DataflowStage> stages = function.stages();
		long end = Math.max(1, stages.stream().mapToLong(DataflowStage::end).max().orElse(1));
		int rowHeight = 34;
		int height = stages.size() * rowHeight + 10;
		out.append("<h2>Dataflow: ").append(escape(function.name())).append("</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dataflow\" width=\"")
				.append(LABEL_WIDTH + CHART_WIDTH + 110).append("\" height=\"").append(height).append("\">\n");
		for (int i = 0; i < stages.size(); i++) {
			DataflowStage stage = stages.get(i);
			long x = LABEL_WIDTH + Math.round((double) stage.start() / end * CHART_WIDTH);
			long width = Math.max(2, Math.round((double) stage.latency() / end * CHART_WIDTH));
			int y = 5 + i * rowHeight;
			out.append("<g><title>").append(escape(stage.name() + ": cycles " + stage.start() + " to " + stage.end())).append("</title>")
					.append("<text x=\"0\" y=\"").append(y + 16).append("\">").append(escape(stage.name())).append("</text><rect class=\"stage\" x=\"")
					.append(x).append("\" y=\"").append(y).append("\" width=\"").append(width).append("\" height=\"22\"/><text x=\"")
					.append(x + width + 6).append("\" y=\"").append(y + 16).append("\">").append(Numbers.cycles(stage.latency())).append("</text></g>\n");
			for (DataflowStage.Channel channel : stage.inputs()) {
				int from = indexOf(stages, channel.producer(), i);
				if (from >= 0) {
					int fromY = 5 + from * rowHeight + 22;
					String label = channel.buffer() + (channel.stream() ? " (FIFO depth " + channel.depth() + ")" : " (ping-pong)");
					out.append("<path class=\"channel\" d=\"M").append(x).append(' ').append(fromY).append(" L").append(x).append(' ').append(y)
							.append("\"><title>").append(escape(label)).append("</title></path><text x=\"").append(x + 4).append("\" y=\"")
							.append(y - 1).append("\">").append(escape(label)).append("</text>\n");
				}
			}
		}
		out.append("</svg>\n");
	}

	private static int indexOf(List<DataflowStage> stages, String name, int before) {
		for (int i = before - 1; i >= 0; i--) {
			if (stages.get(i).name().equals(name)) {
				return i;
			}
		}
		return -1;
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
