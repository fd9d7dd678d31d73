package org.allo.lang.interpreter;

import java.util.List;

import org.allo.lang.ir.IrFunction;

/**
 * Runs functions of one IR module: the reference {@link Interpreter} or fast mode's compiled code
 * ({@code org.allo.lang.fastsim}). Both take and return {@link Scalar}s, {@link Tensor}s and streams and
 * must produce the same results, bit for bit, and the same {@link SimulationError}s.
 */
public interface Simulator {

	List<Object> call(IrFunction function, List<Object> arguments) throws SimulationError;

	/** The statements and loop iterations the last call executed. */
	long steps();
}
