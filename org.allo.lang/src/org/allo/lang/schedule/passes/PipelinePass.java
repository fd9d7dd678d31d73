package org.allo.lang.schedule.passes;

import org.allo.lang.ir.IrFor;
import org.allo.lang.validation.IssueCodes;

/**
 * {@code pipeline(loop, initiation_interval=1, rewind=False)}: requests an initiation interval;
 * only an attribute, so the program computes the same thing by construction.
 */
public class PipelinePass implements SchedulePass {

	@Override
	public String primitive() {
		return "pipeline";
	}

	@Override
	public StepResult apply(PassContext context) throws ScheduleError {
		IrFor loop = context.loop("axis");
		long ii = context.integer("initiation_interval", 1);
		if (ii < 1) {
			throw context.error(context.location("initiation_interval"), IssueCodes.SCHEDULE_FACTOR,
					"initiation_interval must be at least 1, not " + ii);
		}
		loop.setPipelineII((int) Math.min(ii, Integer.MAX_VALUE));
		loop.setRewind(context.argument("rewind").map(r -> Boolean.TRUE.equals(context.constant(r))).orElse(false));
		return StepResult.NONE;
	}
}
