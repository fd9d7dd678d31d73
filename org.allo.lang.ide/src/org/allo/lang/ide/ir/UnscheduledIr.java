package org.allo.lang.ide.ir;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.schedule.ScheduleSteps.Step;

import com.google.inject.Inject;

/** Until the schedule passes exist, the IR after any step is the lowered kernel as written. */
public class UnscheduledIr implements IrAfterStep {

	@Inject
	private Lowering lowering;

	@Override
	public LoweringResult irAfter(FunctionDef kernel, Step step) {
		return lowering.lower(kernel);
	}

	@Override
	public boolean appliesSteps() {
		return false;
	}
}
