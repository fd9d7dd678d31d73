package org.allo.lang.schedule.passes;

import java.util.List;

import org.allo.lang.allo.Expr;
import org.allo.lang.ir.IrFunction;

/**
 * {@code dataflow(kernel_or_loop)}: task-level pipelining of a kernel's body or a loop's body
 * (HLS {@code #pragma HLS dataflow}). An attribute; the program computes the same thing. A bare
 * name that names a kernel means the kernel, as in Allo; anything else is a loop.
 */
public class DataflowPass implements SchedulePass {

	@Override
	public String primitive() {
		return "dataflow";
	}

	@Override
	public StepResult apply(PassContext context) throws ScheduleError {
		Expr target = context.required("axis");
		String text = context.referenceText(target);
		List<IrFunction> kernels = text.contains(":") ? List.of() : PassContext.instancesOf(context.state(), text);
		if (!kernels.isEmpty()) {
			kernels.forEach(kernel -> kernel.setDataflow(true));
		} else {
			context.loop(target).setDataflow(true);
		}
		return StepResult.NONE;
	}
}
