package org.allo.lang.ide.ir;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.schedule.ScheduleSteps.Step;

import com.google.inject.ImplementedBy;

/**
 * The IR of a kernel as a schedule leaves it after one of its steps. This is where the schedule
 * passes plug in: bind an implementation that lowers the kernel and applies steps 1..n.
 */
@ImplementedBy(UnscheduledIr.class)
public interface IrAfterStep {

	/** The IR after {@code step} ({@code null}: the kernel as written); lowering errors are in the result. */
	LoweringResult irAfter(FunctionDef kernel, Step step);

	/** Whether {@link #irAfter} applies the steps, which decides how the view titles the result. */
	boolean appliesSteps();
}
