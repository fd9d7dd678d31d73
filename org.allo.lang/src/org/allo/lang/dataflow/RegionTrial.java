package org.allo.lang.dataflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.allo.lang.interpreter.Fifos;
import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.SimulationError;
import org.allo.lang.interpreter.Tensor;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrValue;

/**
 * A run of a lowered region on zero inputs, for what the checker and FIFO sizing need before any
 * real input exists: whether the region deadlocks, and how full each FIFO gets. The FIFOs' traffic
 * of the kernels Allo builds rarely depends on the data, so zero inputs stand for any input; a run
 * that takes more than {@link #STEP_BUDGET} steps or faults says nothing.
 */
public class RegionTrial {

	/** Enough for the regions of the examples many times over, small enough for every check. */
	public static final long STEP_BUDGET = 2_000_000L;

	/** How a trial ended: the region's FIFOs by stream buffer, and the deadlock or other fault, if any. */
	public record Outcome(Map<IrBuffer, Fifos> streams, SimulationError fault) {

		public boolean deadlocked() {
			return fault != null && fault.isDeadlock();
		}
	}

	/** The deadlock (instances and FIFOs on the cycle) a zero-input run of the region runs into. */
	public Optional<String> deadlock(IrModule module) {
		Outcome outcome = run(module);
		return outcome.deadlocked() ? Optional.of(outcome.fault().getMessage()) : Optional.empty();
	}

	/** Runs the module's top region on zero inputs; a module without a region has no streams to watch. */
	public Outcome run(IrModule module) {
		Map<IrBuffer, Fifos> streams = new LinkedHashMap<>();
		IrFunction region = module.getFunctions().stream().filter(function -> function.isTop() && function.isRegion())
				.findFirst().orElse(null);
		if (region == null) {
			return new Outcome(streams, null);
		}
		Interpreter interpreter = new Interpreter(module, STEP_BUDGET);
		interpreter.setRegionListener(streams::put);
		try {
			interpreter.call(region, region.getParams().stream().map(RegionTrial::zero).toList());
			return new Outcome(streams, null);
		} catch (SimulationError fault) {
			return new Outcome(streams, fault);
		}
	}

	private static Object zero(IrValue param) {
		long[] shape = Interpreter.shape(param.getType());
		return param instanceof IrBuffer && shape.length > 0 ? new Tensor(shape, Scalar.of(0)) : Scalar.of(0);
	}
}
