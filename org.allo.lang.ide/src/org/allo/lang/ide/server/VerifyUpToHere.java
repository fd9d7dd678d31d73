package org.allo.lang.ide.server;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.allo.lang.allo.Module;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.verify.Counterexample;
import org.allo.lang.verify.EquivalenceChecker;
import org.allo.lang.verify.EquivalenceChecker.StepVerdict;
import org.allo.lang.verify.Verdict;
import org.allo.lang.verify.VerifyOptions;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

/**
 * "Verify up to here" (issue 10): the equivalence checker on the schedule of the step at a place,
 * every step up to that one against the unscheduled kernel. The {@code allo.verifyUpTo} command
 * of the lens on each schedule step runs it; the run ends at {@link #TIMEOUT} or as soon as the
 * request is cancelled (by the client or by an edit of the file).
 */
public class VerifyUpToHere {

	public static final String COMMAND = "allo.verifyUpTo";

	/** Long enough for the examples' schedules, short enough that a forgotten run frees the server soon. */
	static final Duration TIMEOUT = Duration.ofSeconds(60);

	/**
	 * The answer of the command: what was checked, the kind of the verdict for the last step
	 * ({@link Verdict.Kind} by name, {@code NO_STEP} when the place is not on a step), the message
	 * the editor shows, one line per step, and the counterexample when there is one.
	 */
	public record Result(String title, String kind, String message, List<String> steps, String counterexample) {

		/** How prominent the editor's message is: a proof informs, a counterexample is an error. */
		public MessageType messageType() {
			return switch (kind) {
			case "EQUIVALENT", "NO_STEP" -> MessageType.Info;
			case "NOT_EQUIVALENT" -> MessageType.Error;
			default -> MessageType.Warning;
			};
		}
	}

	@Inject
	private EquivalenceChecker checker;

	@Inject
	private OperationCanceledManager cancellation;

	public Result at(XtextResource resource, int offset, CancelIndicator cancelIndicator) {
		Optional<ScheduleSteps.Located> located = resource.getContents().isEmpty()
				|| !(resource.getContents().get(0) instanceof Module module) ? Optional.empty() : ScheduleSteps.stepAt(module, offset);
		if (located.isEmpty()) {
			return new Result("Verify", "NO_STEP", "put the cursor on a schedule step to verify the schedule up to it", List.of(), null);
		}
		ScheduleSteps.Step step = located.get().step();
		String title = "Verify up to step " + step.number() + " (" + EquivalenceChecker.label(step) + ")";
		List<StepVerdict> verdicts = checker.verifyUpTo(located.get().schedule(), step.number(),
				VerifyOptions.defaults().withTimeout(TIMEOUT), (phase, operations) -> cancellation.checkCanceled(cancelIndicator));
		StepVerdict last = verdicts.get(verdicts.size() - 1);
		Counterexample counterexample = last.verdict().counterexample();
		String message = last.line() + (counterexample == null ? "" : "\n" + counterexample.describe());
		return new Result(title, last.verdict().kind().name(), message, verdicts.stream().map(StepVerdict::line).toList(),
				counterexample == null ? null : counterexample.describe());
	}
}
