package org.allo.lang.validation;

import java.util.Set;

import org.allo.lang.allo.Module;
import org.allo.lang.allo.Statement;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.schedule.passes.ScheduleError;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/**
 * Applies every schedule of a module to its lowered kernel and reports the step a pass refuses,
 * at the argument the refusal is about, with the pass's code (split factors, reorder against a
 * dependence, ...). What other checks already cover is left to them: a module with errors is not
 * applied (see {@link #scheduleLegality}), a kernel the lowering cannot handle yet is not reported here (allo show and allo sim
 * report it when asked for that kernel), names that do not resolve are the
 * {@link ScheduleReferenceValidator}'s, and a primitive without a pass yet is not the user's error.
 */
public class ScheduleLegalityValidator extends CheckGroup {

	/** Refusals another check reports, or that are no fault of the schedule. */
	private static final Set<String> REPORTED_ELSEWHERE = Set.of(IssueCodes.UNKNOWN_LOOP, IssueCodes.AMBIGUOUS_LOOP,
			IssueCodes.STALE_LOOP, IssueCodes.UNKNOWN_TENSOR, IssueCodes.UNKNOWN_BAND, IssueCodes.UNKNOWN_KERNEL,
			IssueCodes.SCHEDULE_UNSUPPORTED);

	@Inject
	private ScheduleApplier applier;

	/**
	 * Runs once per module, at its last statement: checks run on a module's objects in document
	 * order, so by then every other check of the statements before has reported, and a module
	 * with errors is left alone (its refusals would repeat or follow from those errors).
	 */
	@Check
	public void scheduleLegality(Statement statement) {
		if (!(statement.eContainer() instanceof Module module) || module.getStatements().get(module.getStatements().size() - 1) != statement
				|| !module.eResource().getErrors().isEmpty() || hasErrorsSoFar()) {
			return;
		}
		for (Schedule schedule : ScheduleSteps.of(module)) {
			if (schedule.kernel() == null) {
				continue;
			}
			AppliedSchedule applied = applier.apply(schedule);
			ScheduleError refusal = applied.refusal();
			if (refusal != null && !REPORTED_ELSEWHERE.contains(refusal.code())) {
				error(refusal.getMessage(), refusal.at(), null, refusal.code());
			}
		}
	}

	/** A check has reported an error on this module so far. */
	private boolean hasErrorsSoFar() {
		return getChain() instanceof Diagnostic diagnostics && diagnostics.getSeverity() >= Diagnostic.ERROR;
	}
}
