package org.allo.lang.estimate.report;

import java.util.List;

import org.allo.lang.estimate.DataflowStage;
import org.allo.lang.estimate.EstimateReport;
import org.allo.lang.estimate.FunctionEstimate;
import org.allo.lang.estimate.IiLimit;
import org.allo.lang.estimate.LoopEstimate;
import org.allo.lang.estimate.Resources;

/** The report as JSON (stable key order, two-space indent), for scripts and golden tests. */
public final class JsonReport {

	private final StringBuilder out = new StringBuilder();

	private JsonReport() {
	}

	public static String render(EstimateReport report) {
		JsonReport json = new JsonReport();
		json.report(report);
		return json.out.append('\n').toString();
	}

	private void report(EstimateReport report) {
		open("{");
		field(1, "top", quote(report.top()));
		field(1, "device", quote(report.device()));
		field(1, "clockMhz", Numbers.trips(report.clockMhz()));
		field(1, "latencyCycles", Long.toString(report.latency()));
		field(1, "latencyMicros", Numbers.micros(report.micros()));
		field(1, "intervalCycles", Long.toString(report.interval()));
		field(1, "resources", resources(report.resources()));
		field(1, "capacity", resources(report.capacity()));
		key(1, "functions");
		list(1, report.functions(), (f, indent) -> function(report, f, indent));
		out.append(",\n");
		key(1, "notes");
		out.append(report.notes().stream().map(JsonReport::quote).toList());
		out.append("\n}");
	}

	private void function(EstimateReport report, FunctionEstimate function, int indent) {
		open("{");
		field(indent + 1, "name", quote(function.name()));
		field(indent + 1, "top", Boolean.toString(function.top()));
		field(indent + 1, "dataflow", Boolean.toString(function.dataflow()));
		field(indent + 1, "calls", Numbers.trips(function.calls()));
		field(indent + 1, "latencyCycles", Long.toString(function.latency()));
		field(indent + 1, "intervalCycles", Long.toString(function.interval()));
		field(indent + 1, "resources", resources(function.resources()));
		key(indent + 1, "stages");
		list(indent + 1, function.stages(), this::stage);
		out.append(",\n");
		key(indent + 1, "loops");
		list(indent + 1, function.loops(), (loop, i) -> loop(report, loop, i));
		out.append('\n').append("  ".repeat(indent)).append('}');
	}

	private void loop(EstimateReport report, LoopEstimate loop, int indent) {
		open("{");
		field(indent + 1, "name", quote(loop.name()));
		field(indent + 1, "band", loop.band() == null ? "null" : quote(loop.band()));
		field(indent + 1, "line", Integer.toString(loop.line()));
		field(indent + 1, "trips", Numbers.trips(loop.trips()));
		field(indent + 1, "tripsExact", Boolean.toString(loop.tripsExact()));
		field(indent + 1, "mode", quote(TextReport.mode(loop)));
		field(indent + 1, "requestedII", Integer.toString(loop.requestedIi()));
		field(indent + 1, "achievedII", Integer.toString(loop.achievedIi()));
		field(indent + 1, "iterationCycles", Long.toString(loop.iterationLatency()));
		field(indent + 1, "latencyCycles", Long.toString(loop.latency()));
		field(indent + 1, "entries", Numbers.trips(loop.entries()));
		field(indent + 1, "totalCycles", Long.toString(report.totalCycles(loop)));
		key(indent + 1, "limits");
		out.append(loop.limits().stream().map(JsonReport::limit).toList());
		out.append(",\n");
		key(indent + 1, "inner");
		list(indent + 1, loop.inner(), (inner, i) -> loop(report, inner, i));
		out.append('\n').append("  ".repeat(indent)).append('}');
	}

	private void stage(DataflowStage stage, int indent) {
		String inputs = stage.inputs().stream().map(c -> "{\"buffer\": " + quote(c.buffer()) + ", \"from\": " + quote(c.producer())
				+ ", \"stream\": " + c.stream() + ", \"depth\": " + c.depth() + "}").toList().toString();
		out.append("{\"name\": ").append(quote(stage.name())).append(", \"start\": ").append(stage.start()).append(", \"latency\": ")
				.append(stage.latency()).append(", \"inputs\": ").append(inputs).append('}');
	}

	private static String limit(IiLimit limit) {
		return "{\"kind\": " + quote(limit.kind().name().toLowerCase(java.util.Locale.ROOT)) + ", \"ii\": " + limit.ii() + ", \"reason\": "
				+ quote(limit.reason()) + "}";
	}

	private static String resources(Resources r) {
		return "{\"dsp\": " + r.dsp() + ", \"bram18k\": " + r.bram18k() + ", \"uram\": " + r.uram() + ", \"ff\": " + r.ff() + ", \"lut\": "
				+ r.lut() + "}";
	}

	private interface Writer<T> {
		void write(T item, int indent);
	}

	private <T> void list(int indent, List<T> items, Writer<T> writer) {
		if (items.isEmpty()) {
			out.append("[]");
			return;
		}
		out.append("[\n");
		for (int i = 0; i < items.size(); i++) {
			out.append("  ".repeat(indent + 1));
			writer.write(items.get(i), indent + 1);
			out.append(i + 1 < items.size() ? ",\n" : "\n");
		}
		out.append("  ".repeat(indent)).append(']');
	}

	private void open(String bracket) {
		out.append(bracket).append('\n');
	}

	private void key(int indent, String name) {
		out.append("  ".repeat(indent)).append(quote(name)).append(": ");
	}

	private void field(int indent, String name, String value) {
		key(indent, name);
		out.append(value).append(",\n");
	}

	static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
			case '"' -> quoted.append("\\\"");
			case '\\' -> quoted.append("\\\\");
			case '\n' -> quoted.append("\\n");
			default -> {
				if (c < 0x20) {
					quoted.append(String.format("\\u%04x", (int) c));
				} else {
					quoted.append(c);
				}
			}
			}
		}
		return quoted.append('"').toString();
	}
}
