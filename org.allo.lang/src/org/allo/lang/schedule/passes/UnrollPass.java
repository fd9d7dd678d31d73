package org.allo.lang.schedule.passes;

import org.allo.lang.ir.IrFor;
import org.allo.lang.validation.IssueCodes;

/**
 * {@code unroll(axis, factor=0)}: 0 unrolls fully, f > 0 by f. An attribute (the HLS pragma), so
 * the program computes the same thing. As in Allo and Vitis HLS, a factor need not divide the
 * trip count (the unrolled loop keeps an exit test) and may exceed it (then it unrolls fully).
 */
public class UnrollPass implements SchedulePass {

	@Override
	public String primitive() {
		return "unroll";
	}

	@Override
	public StepResult apply(PassContext context) throws ScheduleError {
		IrFor loop = context.loop("axis");
		long factor = context.integer("factor", 0);
		if (factor < 0 || factor > Integer.MAX_VALUE) {
			throw context.error(context.location("factor"), IssueCodes.SCHEDULE_FACTOR,
					"unroll factor must be 0 (unroll fully) or a positive number of copies, not " + factor);
		}
		loop.setUnrollFactor((int) factor);
		return StepResult.NONE;
	}
}
