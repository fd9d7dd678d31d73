package org.allo.lang.ide.ir;

import java.util.List;
import java.util.Optional;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.ir.printer.IrPrinter;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.ScheduleSteps.Step;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.validation.Diagnostic;
import org.allo.lang.validation.ResourceChecker;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;

/**
 * The text the editors show for "Show IR" at a place: on a schedule step, the customised kernel's
 * IR after that step (steps 1..n applied by the schedule passes); inside a kernel, that kernel's IR.
 * Shared by the {@code allo/showIr} request and its code lens (and usable by the Eclipse editor,
 * which has the resource in process).
 */
public class IrView {

	/** What to show: a title for the view and the IR text (or why there is none). */
	public record Shown(String title, String text) {
	}

	@Inject
	private Lowering lowering;

	@Inject
	private ScheduleApplier applier;

	@Inject
	private ResourceChecker checker;

	public Shown at(XtextResource resource, int offset) {
		if (resource.getParseResult() == null || !(resource.getContents().get(0) instanceof Module module)) {
			return new Shown("IR", "the file has no module to lower");
		}
		// As allo show: only a file without errors is lowered.
		List<Diagnostic> errors = checker.check(resource).stream().filter(Diagnostic::isError).toList();
		if (!errors.isEmpty()) {
			StringBuilder text = new StringBuilder("# fix the errors of the file to see its IR:\n");
			errors.forEach(error -> text.append("# ").append(error.format()).append('\n'));
			return new Shown("IR", text.toString());
		}
		Optional<ScheduleSteps.Located> located = ScheduleSteps.stepAt(module, offset);
		if (located.isPresent()) {
			return afterStep(located.get().schedule(), located.get().step());
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		FunctionDef kernel = leaf == null ? null : outermostFunction(NodeModelUtils.findActualSemanticObjectFor(leaf));
		if (kernel == null) {
			return new Shown("IR", "put the cursor in a kernel or on a schedule step to see its IR");
		}
		return kernel(kernel);
	}

	public Shown kernel(FunctionDef kernel) {
		String title = "IR of " + kernel.getName();
		LoweringResult result = lowering.lower(kernel);
		return result.succeeded() ? new Shown(title, IrPrinter.print(result.module())) : new Shown(title, notLowered(result.errors()));
	}

	/**
	 * The IR after {@code step}. A refused step (this one or an earlier one) leaves the IR before
	 * it, shown under the refusal, so the view still shows what the schedule does up to there.
	 */
	public Shown afterStep(Schedule schedule, Step step) {
		String title = "IR of " + schedule.kernel().getName() + " after step " + step.number() + " (" + step.name() + ")";
		AppliedSchedule applied = applier.apply(schedule, step.number(), (done, module) -> {
		});
		if (applied.loweringFailed()) {
			return new Shown(title, notLowered(applied.errors()));
		}
		if (applied.succeeded()) {
			return new Shown(title, IrPrinter.print(applied.module()));
		}
		Step refused = schedule.steps().get(applied.stepsApplied());
		return new Shown(title + ", refused", refusal(refused, applied.errors()) + IrPrinter.print(applied.module()));
	}

	private static String refusal(Step refused, List<Diagnostic> errors) {
		StringBuilder text = new StringBuilder("# step " + refused.number() + " (" + refused.name() + ") is refused; the IR before it:\n");
		errors.forEach(error -> text.append("# ").append(error.format()).append('\n'));
		return text.toString();
	}

	private static String notLowered(List<Diagnostic> errors) {
		StringBuilder text = new StringBuilder("# the kernel cannot be lowered yet:\n");
		errors.forEach(error -> text.append("# ").append(error.format()).append('\n'));
		return text.toString();
	}

	/** Kernels nest (a kernel may define helpers); the IR and the schedules are those of the top-level one. */
	public static FunctionDef outermostFunction(EObject element) {
		FunctionDef outermost = null;
		for (EObject current = element; current != null; current = current.eContainer()) {
			if (current instanceof FunctionDef function) {
				outermost = function;
			}
		}
		return outermost;
	}
}
