package org.allo.lang.estimate;

import java.util.function.ToLongFunction;

import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStreamGet;
import org.eclipse.emf.ecore.EObject;

/**
 * Latency and operators of expression trees: the critical path from the leaves (loads take the
 * memory's read latency, calls the callee's latency) to the root, the latency from one leaf to the
 * root (a recurrence's path), and the operators to instantiate. Index expressions are address
 * arithmetic that HLS computes alongside and are not on the path.
 */
final class ExpressionCosts {

	private final Operations operations;
	private final Storage storage;
	private final ToLongFunction<IrFunction> callLatency;
	private final long callOverhead;

	ExpressionCosts(Operations operations, Storage storage, ToLongFunction<IrFunction> callLatency, long callOverhead) {
		this.operations = operations;
		this.storage = storage;
		this.callLatency = callLatency;
		this.callOverhead = callOverhead;
	}

	long latency(IrExpr expr) {
		if (expr == null) {
			return 0;
		}
		if (expr instanceof IrLoad load) {
			return load.getIndices().isEmpty() ? 0 : storage.readLatency(load.getBuffer());
		}
		if (expr instanceof IrStreamGet get) {
			return storage.readLatency(get.getStream());
		}
		long operands = 0;
		for (EObject child : expr.eContents()) {
			if (child instanceof IrExpr operand) {
				operands = Math.max(operands, latency(operand));
			}
		}
		if (expr instanceof IrCall call) {
			return operands + callOverhead + callLatency.applyAsLong(call.getFunction());
		}
		return operands + own(expr);
	}

	/**
	 * Cycles from {@code source} (a node inside {@code root}) producing its value to {@code root}
	 * producing its own; -1 when not inside. {@code carried}: the path closes a loop-carried
	 * recurrence, where Vitis binds the operators' faster cores (their recurrence latencies).
	 */
	long path(IrExpr root, EObject source, boolean carried) {
		if (root == source) {
			return 0;
		}
		for (EObject child : root.eContents()) {
			if (child instanceof IrExpr operand && !(root instanceof IrLoad)) {
				long below = path(operand, source, carried);
				if (below >= 0) {
					return below + (carried ? operations.recurrenceLatency(root) : own(root));
				}
			}
		}
		return -1;
	}

	long readLatency(IrBuffer buffer) {
		return storage.readLatency(buffer);
	}

	/** Adds the operators of {@code expr} to {@code tally}, {@code copies} times each. */
	void collect(IrExpr expr, OperationTally tally, long copies) {
		if (expr == null || expr instanceof IrLoad) {
			return;
		}
		Operation operation = operations.of(expr);
		if (operation != null) {
			tally.add(operation, copies);
		}
		for (EObject child : expr.eContents()) {
			if (child instanceof IrExpr operand) {
				collect(operand, tally, copies);
			}
		}
	}

	private long own(IrExpr expr) {
		Operation operation = operations.of(expr);
		return operation == null ? 0 : operation.latency();
	}
}
