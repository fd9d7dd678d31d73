package org.allo.lang.validation;

import java.time.Duration;
import java.util.List;

import org.allo.lang.allo.Argument;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Param;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.scoping.Names;
import org.allo.lang.verify.EquivalenceChecker;
import org.allo.lang.verify.Verdict;
import org.allo.lang.verify.VerifyOptions;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/**
 * {@code allo.verify(s1, s2)}: the two schedules, with the steps written before the call, must be
 * equivalent (issue 10). Not equivalent is an error carrying the counterexample; a check that cannot
 * decide (unproven, not verifiable, over the time limit, equal only up to float reassociation) is a
 * warning. Schedules that cannot be applied yet, and files with syntax or linking errors, are left to
 * the checks that report why.
 */
public class VerifyCallValidator extends CheckGroup {

	/** allo check runs on every save in the editor; a verification must not hold it longer. */
	private static final Duration TIME_LIMIT = Duration.ofSeconds(20);

	@Inject
	private ScheduleApplier applier;

	@Inject
	private EquivalenceChecker checker;

	@Check
	public void verifyCall(CallExpr call) {
		if (!isVerify(call)) {
			return;
		}
		readsWholeModule();
		if (call.getArgs().size() != 2 || !call.eResource().getErrors().isEmpty()) {
			return;
		}
		Module module = EcoreUtil2.getContainerOfType(call, Module.class);
		List<Schedule> schedules = ScheduleSteps.of(module);
		Schedule first = scheduleBefore(schedules, call.getArgs().get(0), call);
		Schedule second = scheduleBefore(schedules, call.getArgs().get(1), call);
		if (first == null || second == null) {
			return;
		}
		AppliedSchedule a = applier.apply(first);
		AppliedSchedule b = applier.apply(second);
		if (!a.succeeded() || !b.succeeded()) {
			return;
		}
		Verdict verdict = checker.compare(a.module(), b.module(), VerifyOptions.defaults().withTimeout(TIME_LIMIT));
		String pair = "'" + Names.nameOf(first.binding()) + "' and '" + Names.nameOf(second.binding()) + "'";
		if (verdict.kind() == Verdict.Kind.NOT_EQUIVALENT) {
			String counterexample = verdict.counterexample() == null ? ""
					: "; " + verdict.counterexample().describe().replace("\n", "; ");
			error("schedules " + pair + " are not equivalent: " + verdict.reason() + counterexample
					+ "; fix the schedule or the kernel", call, null, IssueCodes.VERIFY_NOT_EQUIVALENT);
		} else if (verdict.kind() != Verdict.Kind.EQUIVALENT) {
			warning("schedules " + pair + " are not proven equivalent, " + verdict.summary()
					+ "; run allo verify with --timeout or --accept-reassociation to look closer", call, null, IssueCodes.VERIFY_UNPROVEN);
		}
	}

	private static boolean isVerify(CallExpr call) {
		if (!(Names.targetOf(call.getCallee()) instanceof FunctionDef function) || !"verify".equals(function.getName())
				|| function.getParams().size() != 2) {
			return false;
		}
		Param param = function.getParams().get(0);
		return param.getType() instanceof NameRef type && Names.targetOf(type) instanceof ClassDef classDef
				&& "Schedule".equals(classDef.getName());
	}

	/** The schedule the argument names, with only the steps written before the call. */
	private static Schedule scheduleBefore(List<Schedule> schedules, Argument argument, CallExpr call) {
		if (!(argument.getValue() instanceof NameRef name)) {
			return null;
		}
		int offset = NodeModelUtils.findActualNodeFor(call).getOffset();
		for (Schedule schedule : schedules) {
			if (name.getRef() == schedule.binding()) {
				return new Schedule(schedule.binding(), schedule.kernel(), schedule.steps().stream()
						.filter(step -> NodeModelUtils.findActualNodeFor(step.call()).getOffset() < offset).toList());
			}
		}
		return null;
	}
}
