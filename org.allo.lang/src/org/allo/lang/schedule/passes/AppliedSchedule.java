package org.allo.lang.schedule.passes;

import java.util.List;

import org.allo.lang.ir.IrModule;
import org.allo.lang.validation.Diagnostic;

/**
 * A schedule applied up to some step: the IR after the last step applied, and the error that
 * stopped it (empty when every requested step applied). The IR is null when lowering failed;
 * {@code refusal} is the refused step's error (null when lowering failed or nothing was refused).
 */
public record AppliedSchedule(IrModule module, int stepsApplied, List<Diagnostic> errors, ScheduleError refusal) {

	public boolean succeeded() {
		return module != null && errors.isEmpty();
	}

	public boolean loweringFailed() {
		return module == null;
	}
}
