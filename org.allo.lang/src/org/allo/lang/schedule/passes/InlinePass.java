package org.allo.lang.schedule.passes;

import java.util.List;

import org.allo.lang.ir.IrFunction;
import org.allo.lang.validation.IssueCodes;

/**
 * {@code inline(axis=None)}: asks HLS to inline a kernel (the customised one by default) into its
 * callers. An attribute; the program computes the same thing.
 */
public class InlinePass implements SchedulePass {

	@Override
	public String primitive() {
		return "inline";
	}

	@Override
	public StepResult apply(PassContext context) throws ScheduleError {
		if (context.argument("axis").isEmpty()) {
			context.state().top().setInline(true);
			return StepResult.NONE;
		}
		String name = context.referenceText(context.argument("axis").get());
		List<IrFunction> kernels = PassContext.instancesOf(context.state(), name);
		if (kernels.isEmpty()) {
			throw context.error(context.location("axis"), IssueCodes.UNKNOWN_KERNEL, "no kernel '" + name
					+ "' is called from kernel '" + context.state().top().getSourceKernel() + "'; inline names a kernel it calls, or none for itself");
		}
		kernels.forEach(kernel -> kernel.setInline(true));
		return StepResult.NONE;
	}
}
