package org.allo.lang.validation;

import java.util.Set;

import org.allo.lang.allo.Module;
import org.allo.lang.allo.Statement;
import org.allo.lang.schedule.ScheduleInputs;
import org.allo.lang.schedule.ScheduleInputs.Inputs;
import org.allo.lang.schedule.ScheduleInputs.Location;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.schedule.passes.ScheduleError;
import org.allo.lang.validation.ScheduleOutcomes.Outcome;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/**
 * Applies every schedule of a module to its lowered kernel and reports the step a pass refuses,
 * at the argument the refusal is about, with the pass's code (split factors, reorder against a
 * dependence, ...). What other checks already cover is left to them: a module with errors is not
 * applied (see {@link #scheduleLegality}), a kernel the lowering cannot handle yet is not reported here (allo show and allo sim
 * report it when asked for that kernel), names that do not resolve are the
 * {@link ScheduleReferenceValidator}'s, and a primitive without a pass yet is not the user's error.
 * What a schedule reported is kept under the digest of its inputs ({@link ScheduleInputs},
 * {@link ScheduleOutcomes}), so that re-checking an edited file applies only the schedules the edit reaches.
 */
public class ScheduleLegalityValidator extends CheckGroup {

	/** Refusals another check reports, or that are no fault of the schedule. */
	private static final Set<String> REPORTED_ELSEWHERE = Set.of(IssueCodes.UNKNOWN_LOOP, IssueCodes.AMBIGUOUS_LOOP,
			IssueCodes.STALE_LOOP, IssueCodes.UNKNOWN_TENSOR, IssueCodes.UNKNOWN_BAND, IssueCodes.UNKNOWN_KERNEL,
			IssueCodes.SCHEDULE_UNSUPPORTED);

	@Inject
	private ScheduleApplier applier;

	@Inject
	private ScheduleInputs inputs;

	@Inject
	private ScheduleOutcomes outcomes;

	/**
	 * Runs once per module, at its last statement: checks run on a module's objects in document
	 * order, so by then every other check of the statements before has reported, and a module
	 * with errors is left alone (its refusals would repeat or follow from those errors).
	 */
	@Check
	public void scheduleLegality(Statement statement) {
		if (!(statement.eContainer() instanceof Module module) || module.getStatements().get(module.getStatements().size() - 1) != statement) {
			return;
		}
		readsWholeModule();
		if (!module.eResource().getErrors().isEmpty() || hasErrorsSoFar()) {
			return;
		}
		for (Schedule schedule : ScheduleSteps.of(module)) {
			if (schedule.kernel() == null) {
				continue;
			}
			Inputs scheduleInputs = inputs.of(schedule);
			Outcome kept = scheduleInputs == null ? null : outcomes.get(scheduleInputs.digest());
			if (kept == null) {
				applyAndReport(schedule, scheduleInputs);
			} else if (kept.message() != null) {
				error(kept.message(), scheduleInputs.find(kept.at()), null, kept.code());
			}
		}
	}

	/**
	 * Applies the schedule and reports its refusal; keeps the outcome under its inputs' digest, unless
	 * the refusal is about an object outside those inputs.
	 */
	private void applyAndReport(Schedule schedule, Inputs scheduleInputs) {
		ScheduleError refusal = applier.apply(schedule).refusal();
		boolean reported = refusal != null && !REPORTED_ELSEWHERE.contains(refusal.code());
		if (reported) {
			error(refusal.getMessage(), refusal.at(), null, refusal.code());
		}
		if (scheduleInputs == null) {
			return;
		}
		Location at = reported ? scheduleInputs.locate(refusal.at()) : null;
		if (!reported) {
			outcomes.put(scheduleInputs.digest(), Outcome.NONE);
		} else if (at != null) {
			outcomes.put(scheduleInputs.digest(), new Outcome(refusal.getMessage(), refusal.code(), at));
		}
	}
}
