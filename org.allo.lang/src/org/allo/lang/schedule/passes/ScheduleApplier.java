package org.allo.lang.schedule.passes;

import java.util.List;

import org.allo.lang.allo.ExprStmt;
import org.allo.lang.allo.NameRef;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.lowering.LoweredKernels;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.ScheduleSteps.Step;
import org.allo.lang.scoping.Names;
import org.allo.lang.types.ConstantEvaluator;
import org.allo.lang.validation.Diagnostic;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.xtext.diagnostics.Severity;

import com.google.inject.Inject;

/**
 * Applies a schedule's steps in source order to the lowered kernel (LANGUAGE.md §4). The first
 * refused step stops the replay: later steps would be checked against a program the user did
 * not get.
 */
public class ScheduleApplier {

	/** Sees the IR after each applied step (for {@code allo verify} and step-by-step views). */
	public interface StepListener {
		void applied(Step step, IrModule module);
	}

	@Inject
	private LoweredKernels loweredKernels;

	@Inject
	private ConstantEvaluator constants;

	@Inject
	private PassRegistry passes;

	public AppliedSchedule apply(Schedule schedule) {
		return apply(schedule, schedule.steps().size(), (step, module) -> {
		});
	}

	/** Applies steps 1..{@code lastStep}; the module of the result is the IR after the last one applied. */
	public AppliedSchedule apply(Schedule schedule, int lastStep, StepListener listener) {
		if (schedule.kernel() == null) {
			return new AppliedSchedule(null, 0, List.of(Diagnostic.at(schedule.binding(), Severity.ERROR,
					"schedule '" + Names.nameOf(schedule.binding()) + "' does not customise a kernel", IssueCodes.SCHEDULE_ARGUMENT)), null);
		}
		LoweringResult lowered = loweredKernels.lower(schedule.kernel());
		if (!lowered.succeeded()) {
			return new AppliedSchedule(null, 0, lowered.errors(), null);
		}
		IrModule module = lowered.module();
		ScheduleState state = new ScheduleState(module, top(module), schedule);
		int applied = 0;
		for (Step step : schedule.steps().subList(0, Math.min(lastStep, schedule.steps().size()))) {
			try {
				applyStep(state, step);
			} catch (ScheduleError error) {
				return new AppliedSchedule(module, applied, List.of(Diagnostic.at(error.at(), Severity.ERROR, error.getMessage(), error.code())),
						error);
			}
			applied++;
			listener.applied(step, module);
		}
		return new AppliedSchedule(module, applied, List.of(), null);
	}

	private void applyStep(ScheduleState state, Step step) throws ScheduleError {
		if (!passes.transforms(step.name())) {
			return;
		}
		SchedulePass pass = passes.pass(step.name()).orElseThrow(() -> new ScheduleError(step.call(), IssueCodes.SCHEDULE_UNSUPPORTED,
				"s." + step.name() + " cannot be applied yet; remove it to simulate or build this schedule"));
		StepResult result = pass.apply(new PassContext(state, step, constants));
		bindResult(state, step, result);
	}

	/** {@code h = s.fuse(...)}: later steps may name the created loop or buffer through {@code h}. */
	static void bindResult(ScheduleState state, Step step, StepResult result) {
		if (result.handles().size() == 1 && step.call().eContainer() instanceof ExprStmt assignment && "=".equals(assignment.getOp())
				&& assignment.getValue() == step.call() && assignment.getExpr() instanceof NameRef variable) {
			state.bind(variable, result.handles().get(0));
		}
	}

	private static IrFunction top(IrModule module) {
		return module.getFunctions().stream().filter(IrFunction::isTop).findFirst().orElseThrow();
	}
}
