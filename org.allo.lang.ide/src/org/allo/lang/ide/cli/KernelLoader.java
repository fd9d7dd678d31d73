package org.allo.lang.ide.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.ir.IrModule;
import org.allo.lang.dataflow.FifoSizing;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.scoping.Names;
import org.allo.lang.validation.Diagnostic;

/**
 * What {@code show} and {@code sim} share: check a file, find kernel K (or schedule S) in it and
 * lower it to the IR (and apply the schedule's steps). Each failure is a user error whose
 * diagnostics or message are printed here.
 */
final class KernelLoader {

	/** A schedule applied up to a step, with its kernel unscheduled to compare against. */
	record Scheduled(IrModule module, IrModule unscheduled, String kernel, int stepsApplied, int steps) {
	}

	private final PrintStream out;
	private final PrintStream err;
	private final Workspace workspace = Workspace.create();

	KernelLoader(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** The lowered module, or null when the failure has been printed (exit code 1). */
	IrModule lower(String file, String kernelName) {
		Module module = checkedModule(file);
		if (module == null) {
			return null;
		}
		List<FunctionDef> kernels = kernels(module);
		FunctionDef kernel = kernels.stream().filter(k -> k.getName().equals(kernelName)).findFirst().orElse(null);
		if (kernel == null) {
			err.println("allo: " + file + " has no kernel '" + kernelName + "'; its kernels: "
					+ kernels.stream().map(FunctionDef::getName).collect(Collectors.joining(", ")));
			return null;
		}
		return lowered(file, kernel);
	}

	/**
	 * Schedule {@code scheduleName} applied up to step {@code lastStep} (all steps when null), or
	 * null when the failure has been printed (exit code 1).
	 */
	Scheduled schedule(String file, String scheduleName, Integer lastStep) {
		Module module = checkedModule(file);
		if (module == null) {
			return null;
		}
		List<Schedule> schedules = ScheduleSteps.of(module);
		Schedule schedule = schedules.stream().filter(s -> scheduleName.equals(Names.nameOf(s.binding()))).findFirst().orElse(null);
		if (schedule == null) {
			err.println("allo: " + file + " has no schedule '" + scheduleName + "'; its schedules: "
					+ (schedules.isEmpty() ? "(none)" : schedules.stream().map(s -> Names.nameOf(s.binding())).collect(Collectors.joining(", "))));
			return null;
		}
		int steps = schedule.steps().size();
		if (lastStep != null && (lastStep < 0 || lastStep > steps)) {
			err.println("allo: schedule '" + scheduleName + "' has " + steps + " steps; --step takes 0 (the kernel unscheduled) to " + steps);
			return null;
		}
		if (schedule.kernel() == null) {
			err.println("allo: schedule '" + scheduleName + "' does not customise a kernel of " + file);
			return null;
		}
		IrModule unscheduled = lowered(file, schedule.kernel());
		if (unscheduled == null) {
			return null;
		}
		AppliedSchedule applied = workspace.instance(ScheduleApplier.class).apply(schedule, lastStep == null ? steps : lastStep,
				(step, ir) -> {
				});
		if (!applied.succeeded()) {
			report(file, applied.errors());
			return null;
		}
		return new Scheduled(applied.module(), unscheduled, schedule.kernel().getName(), applied.stepsApplied(), steps);
	}

	/** The workspace the files are loaded into, for services that work on the checked modules. */
	Workspace workspace() {
		return workspace;
	}

	/** The checked module of {@code file}, or null when it cannot be read or has errors (printed). */
	Module checkedModule(String file) {
		Workspace.Checked checked = workspace.check(file);
		if (checked.unreadable() != null) {
			err.println("allo: cannot read " + file + ": " + checked.unreadable());
			return null;
		}
		if (checked.crash() != null) {
			throw new IllegalStateException("a check crashed on " + file, checked.crash());
		}
		if (checked.diagnostics().stream().anyMatch(Diagnostic::isError)) {
			report(file, checked.diagnostics());
			return null;
		}
		return checked.resource().getContents().get(0) instanceof Module module ? module : null;
	}

	private IrModule lowered(String file, FunctionDef kernel) {
		LoweringResult result = workspace.instance(Lowering.class).lower(kernel);
		if (!result.succeeded()) {
			report(file, result.errors());
			return null;
		}
		FifoSizing.Sizes sizes = workspace.instance(FifoSizing.class).sizeOmittedDepths(result.module());
		if (sizes.problem() != null) {
			err.println("allo: the FIFO depths of " + kernel.getName() + " cannot be inferred: " + sizes.problem());
		}
		return result.module();
	}

	void report(String file, List<Diagnostic> diagnostics) {
		for (Diagnostic diagnostic : diagnostics) {
			out.println(file + ":" + diagnostic.format());
		}
	}

	private static List<FunctionDef> kernels(Module module) {
		return module.getStatements().stream().filter(FunctionDef.class::isInstance).map(FunctionDef.class::cast).toList();
	}
}
