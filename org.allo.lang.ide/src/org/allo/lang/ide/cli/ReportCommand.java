package org.allo.lang.ide.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.allo.lang.allo.Module;
import org.allo.lang.estimate.DeviceModel;
import org.allo.lang.estimate.EstimateReport;
import org.allo.lang.estimate.Estimator;
import org.allo.lang.estimate.report.HtmlReport;
import org.allo.lang.estimate.report.JsonReport;
import org.allo.lang.estimate.report.TextReport;
import org.allo.lang.ide.cli.AlloMain.UsageException;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.scoping.Names;
import org.allo.lang.validation.Diagnostic;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.xtext.diagnostics.Severity;

/**
 * {@code allo report FILE [--schedule S] [--format text|json|html] [--no-io-copies]}: applies
 * schedule S (default: the file's last) and prints the estimate; {@code --no-io-copies} models
 * {@code wrap_io=False} (no on-chip copies of the top's arrays). When a step cannot be applied yet, the report covers
 * the steps before it and says so with a warning ({@code allo.estimate.partial-schedule}); a step
 * refused as illegal is an error (exit 1).
 */
final class ReportCommand {

	private final PrintStream out;
	private final PrintStream err;

	ReportCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(List<String> args) {
		String file = null;
		String scheduleName = null;
		String format = "text";
		boolean ioCopies = true;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--schedule") && i + 1 < args.size()) {
				scheduleName = args.get(++i);
			} else if (arg.equals("--format") && i + 1 < args.size()) {
				format = args.get(++i);
			} else if (arg.equals("--no-io-copies")) {
				ioCopies = false;
			} else if (arg.startsWith("-")) {
				throw new UsageException("unknown option '" + arg + "' for report");
			} else if (file == null) {
				file = arg;
			} else {
				throw new UsageException("report takes one FILE");
			}
		}
		if (file == null) {
			throw new UsageException("report needs FILE");
		}
		if (!List.of("text", "json", "html").contains(format)) {
			throw new UsageException("--format must be text, json or html, not '" + format + "'");
		}
		KernelLoader loader = new KernelLoader(err, err);
		Module module = loader.checkedModule(file);
		if (module == null) {
			return AlloMain.USER_ERROR;
		}
		Schedule schedule = find(file, module, scheduleName);
		if (schedule == null) {
			return AlloMain.USER_ERROR;
		}
		AppliedSchedule applied = loader.workspace().instance(ScheduleApplier.class).apply(schedule);
		List<String> notes = new ArrayList<>();
		if (!applied.errors().isEmpty()) {
			Diagnostic refused = applied.errors().get(0);
			if (applied.module() == null || !IssueCodes.SCHEDULE_UNSUPPORTED.equals(refused.code())) {
				loader.report(file, applied.errors());
				return AlloMain.USER_ERROR;
			}
			String message = partial(schedule, applied.stepsApplied());
			err.println(file + ":" + new Diagnostic(refused.line(), refused.column(), Severity.WARNING, message,
					IssueCodes.ESTIMATE_PARTIAL_SCHEDULE).format());
			notes.add(message);
		}
		EstimateReport report = new Estimator(DeviceModel.u280(), ioCopies).estimate(applied.module(), notes);
		out.print(switch (format) {
		case "json" -> JsonReport.render(report);
		case "html" -> HtmlReport.render(report);
		default -> TextReport.render(report);
		});
		return AlloMain.OK;
	}

	/** Says which steps the estimate includes and which step no pass applies yet. */
	private static String partial(Schedule schedule, int applied) {
		String name = Names.nameOf(schedule.binding());
		String step = "step " + (applied + 1) + " of schedule " + name + ", " + name + "." + schedule.steps().get(applied).name()
				+ ", cannot be applied yet";
		return applied == 0 ? "the estimate is of the unscheduled kernel: " + step
				: "the estimate covers steps 1-" + applied + " of " + schedule.steps().size() + ": " + step;
	}

	private Schedule find(String file, Module module, String name) {
		List<Schedule> schedules = ScheduleSteps.of(module);
		if (schedules.isEmpty()) {
			err.println("allo: " + file + " has no schedule (s = allo.customize(kernel)) to report on");
			return null;
		}
		if (name == null) {
			return schedules.get(schedules.size() - 1);
		}
		for (Schedule schedule : schedules) {
			if (name.equals(Names.nameOf(schedule.binding()))) {
				return schedule;
			}
		}
		err.println("allo: " + file + " has no schedule '" + name + "'; its schedules: "
				+ schedules.stream().map(s -> Names.nameOf(s.binding())).collect(Collectors.joining(", ")));
		return null;
	}
}
