package org.allo.lang.verify;

import java.util.ArrayList;
import java.util.List;

import org.allo.lang.ir.IrModule;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.ScheduleSteps.Step;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.validation.Diagnostic;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import com.google.inject.Inject;

/**
 * Proves schedule steps equivalent to the kernel they transform, or shows a counterexample
 * (issue 10). The entry points:
 * <ul>
 * <li>{@link #verifySteps}: the program after every step against the unscheduled kernel
 * ({@code allo verify FILE --schedule S});</li>
 * <li>{@link #verifyUpTo}: the same up to one step, for the editor's "verify up to here": the
 * last entry answers for that step, an earlier failing entry names the step that broke it;</li>
 * <li>{@link #against}: two schedules of one kernel ({@code --against}, {@code allo.verify(a, b)});</li>
 * <li>{@link #compare}: any two IR modules (their top functions, parameters paired by position).</li>
 * </ul>
 * Each call is independent and bounded by {@link VerifyOptions#timeout()}.
 */
public class EquivalenceChecker {

	/** The verdict for the program after step {@code number} ({@code label} as written, e.g. {@code reorder("k", "j")}). */
	public record StepVerdict(int number, String label, Verdict verdict, String introducedBy) {

		/** {@code step 3 reorder("k", "j"): equivalent (1.2M ops, 0.4 s)}. */
		public String line() {
			String text = "step " + number + " " + label + ": " + verdict.summary() + " (" + verdict.statistics() + ")";
			return introducedBy == null || introducedBy.equals(label) ? text : text + "; introduced by " + introducedBy;
		}
	}

	/** Sees a long check run: the operation count now and then (a progress bar), each step's verdict when known. */
	public interface Progress {
		void update(String phase, long operations);

		default void finished(StepVerdict verdict) {
			// most callers read the returned list
		}

		Progress NONE = (phase, operations) -> {
		};
	}

	@Inject
	private ScheduleApplier applier;

	public Verdict compare(IrModule first, IrModule second, VerifyOptions options) {
		return new ComparisonSession(options, operations -> {
		}).compare(first, second);
	}

	/** Every step of the schedule against the unscheduled kernel. */
	public List<StepVerdict> verifySteps(Schedule schedule, VerifyOptions options, Progress progress) {
		return verifySteps(schedule, schedule.steps().size(), options, progress);
	}

	/** Steps 1..{@code lastStep}, each against the unscheduled kernel. */
	public List<StepVerdict> verifyUpTo(Schedule schedule, int lastStep, VerifyOptions options) {
		return verifyUpTo(schedule, lastStep, options, Progress.NONE);
	}

	/**
	 * As {@link #verifyUpTo(Schedule, int, VerifyOptions)}, seen by {@code progress}. An unchecked
	 * exception thrown by {@link Progress#update} ends the run and reaches the caller: that is how
	 * the editor cancels a check the user no longer waits for.
	 */
	public List<StepVerdict> verifyUpTo(Schedule schedule, int lastStep, VerifyOptions options, Progress progress) {
		return verifySteps(schedule, lastStep, options, progress);
	}

	/** The two schedules, each with all its steps applied. */
	public Verdict against(Schedule first, Schedule second, VerifyOptions options) {
		AppliedSchedule a = applier.apply(first);
		AppliedSchedule b = applier.apply(second);
		for (AppliedSchedule applied : List.of(a, b)) {
			if (!applied.succeeded()) {
				return new Verdict(Verdict.Kind.CANNOT_VERIFY, refusal(applied), null, 0, 0);
			}
		}
		return compare(a.module(), b.module(), options);
	}

	private List<StepVerdict> verifySteps(Schedule schedule, int lastStep, VerifyOptions options, Progress progress) {
		List<StepVerdict> verdicts = new ArrayList<>();
		String[] phase = { "kernel" };
		long[] done = { 0 };
		ComparisonSession session = new ComparisonSession(options, operations -> progress.update(phase[0], done[0] + operations));
		AppliedSchedule unscheduled = applier.apply(schedule, 0, (step, module) -> {
		});
		if (!unscheduled.succeeded()) {
			report(verdicts, progress, new StepVerdict(0, "kernel", new Verdict(Verdict.Kind.CANNOT_VERIFY, refusal(unscheduled), null, 0, 0),
					null));
			return verdicts;
		}
		IrModule baseline = unscheduled.module();
		long start = System.nanoTime();
		Budget budget = session.budget();
		List<SymbolicOutput> before;
		try {
			before = session.run(baseline, budget);
		} catch (CannotVerify problem) {
			Verdict.Kind kind = problem.timedOut() ? Verdict.Kind.TIMED_OUT : Verdict.Kind.CANNOT_VERIFY;
			report(verdicts, progress, new StepVerdict(0, "kernel", new Verdict(kind, problem.getMessage(), null, budget.operations(),
					System.nanoTime() - start), null));
			return verdicts;
		}
		done[0] = budget.operations();
		String[] introducedBy = { null };
		AppliedSchedule applied = applier.apply(schedule, lastStep, (step, module) -> {
			String label = label(step);
			phase[0] = "step " + step.number() + " " + label;
			Verdict verdict = session.compare(baseline, before, EcoreUtil.copy(module));
			done[0] += verdict.operations();
			if (introducedBy[0] == null && verdict.kind() != Verdict.Kind.EQUIVALENT
					&& verdict.kind() != Verdict.Kind.EQUIVALENT_UP_TO_REASSOCIATION) {
				introducedBy[0] = "step " + step.number() + " " + label;
			}
			report(verdicts, progress, new StepVerdict(step.number(), label, verdict,
					verdict.kind() == Verdict.Kind.EQUIVALENT ? null : introducedBy[0]));
		});
		if (!applied.succeeded()) {
			Step refused = schedule.steps().get(applied.stepsApplied());
			report(verdicts, progress, new StepVerdict(refused.number(), label(refused),
					new Verdict(Verdict.Kind.CANNOT_VERIFY, "the step is refused: " + refusal(applied), null, 0, 0), null));
		}
		return verdicts;
	}

	private static void report(List<StepVerdict> verdicts, Progress progress, StepVerdict verdict) {
		verdicts.add(verdict);
		progress.finished(verdict);
	}

	/** The step as written, without its receiver: {@code reorder("k", "j")}. */
	public static String label(Step step) {
		String text = NodeModelUtils.getTokenText(NodeModelUtils.findActualNodeFor(step.call()));
		int dot = text.indexOf('.');
		return dot >= 0 ? text.substring(dot + 1) : text;
	}

	private static String refusal(AppliedSchedule applied) {
		return applied.errors().stream().map(Diagnostic::format).findFirst().orElse("the kernel could not be lowered");
	}
}
