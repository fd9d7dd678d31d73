package org.allo.lang.estimate;

import java.util.HashMap;
import java.util.Map;

import org.allo.lang.ir.IrBinary;
import org.allo.lang.ir.IrCast;
import org.allo.lang.ir.IrConstant;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.IrVarRef;

/**
 * Trip counts of loops whose bounds are affine in constants and enclosing loop variables. A bound
 * that uses an enclosing variable (a triangular loop, {@code for j in range(i + 1)}) is evaluated
 * with that variable at the middle of its range, which gives the average trip count; that is
 * exact for the total iterations of an affine nest, and it is what the report marks "average".
 */
public final class TripCounts {

	/** A loop's iteration count; {@code exact} is false when it depends on an enclosing variable or is unknown. */
	public record Trips(double count, boolean exact, boolean known) {
	}

	private final Map<IrVar, Double> midpoints = new HashMap<>();

	public Trips of(IrFor loop) {
		Value lower = value(loop.getLower());
		Value upper = value(loop.getUpper());
		if (lower == null || upper == null) {
			return new Trips(1, false, false);
		}
		long step = Math.max(1, loop.getStep());
		double count = Math.max(0, Math.ceil((upper.number - lower.number) / step));
		if (lower.varies || upper.varies) {
			count = Math.max(0, (upper.number - lower.number) / step);
		}
		return new Trips(count, !(lower.varies || upper.varies), true);
	}

	/** Makes {@code loop}'s variable known, at its average value, to the bounds of the loops inside it. */
	public void enter(IrFor loop) {
		Value lower = value(loop.getLower());
		Trips trips = of(loop);
		if (lower != null && trips.known()) {
			midpoints.put(loop.getVar(), lower.number + Math.max(0, trips.count() - 1) * Math.max(1, loop.getStep()) / 2.0);
		}
	}

	public void leave(IrFor loop) {
		midpoints.remove(loop.getVar());
	}

	private record Value(double number, boolean varies) {
	}

	private Value value(IrExpr expr) {
		if (expr instanceof IrConstant constant) {
			return new Value(constant.getInteger() != null ? constant.getInteger().doubleValue() : constant.getReal(), false);
		}
		if (expr instanceof IrVarRef ref && midpoints.containsKey(ref.getVar())) {
			return new Value(midpoints.get(ref.getVar()), true);
		}
		if (expr instanceof IrCast cast) {
			return value(cast.getOperand());
		}
		if (expr instanceof IrBinary binary) {
			Value left = value(binary.getLeft());
			Value right = value(binary.getRight());
			if (left == null || right == null) {
				return null;
			}
			Double result = combine(binary, left.number, right.number);
			return result == null ? null : new Value(result, left.varies || right.varies);
		}
		return null;
	}

	private static Double combine(IrBinary binary, double a, double b) {
		return switch (binary.getOp()) {
		case ADD -> a + b;
		case SUB -> a - b;
		case MUL -> a * b;
		case DIV, FLOOR_DIV -> b == 0 ? null : Math.floor(a / b);
		case MIN -> Math.min(a, b);
		case MAX -> Math.max(a, b);
		default -> null;
		};
	}
}
