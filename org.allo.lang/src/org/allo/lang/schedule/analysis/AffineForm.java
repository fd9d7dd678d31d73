package org.allo.lang.schedule.analysis;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.allo.lang.ir.IrBinary;
import org.allo.lang.ir.IrCast;
import org.allo.lang.ir.IrConstant;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrIndexType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrUnary;
import org.allo.lang.ir.IrUnaryOp;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.IrVarRef;

/**
 * {@code constant + Σ coefficient·v} over loop induction variables: the form of an index the
 * dependence test understands. Integer casts are looked through: index arithmetic is done in
 * types wide enough for the loop ranges, so they never wrap.
 */
public record AffineForm(long constant, Map<IrVar, Long> coefficients) {

	/** Headroom under which sums and products of forms cannot overflow a long. */
	private static final long LIMIT = 1L << 40;

	public static AffineForm constant(long value) {
		return new AffineForm(value, Map.of());
	}

	public long coefficient(IrVar var) {
		return coefficients.getOrDefault(var, 0L);
	}

	/**
	 * The affine form of {@code expr} when it is one over the variables {@code isLoopVar} accepts;
	 * empty for anything else (a load, a division, a scalar the loop may change).
	 */
	public static Optional<AffineForm> of(IrExpr expr, java.util.function.Predicate<IrVar> isLoopVar) {
		if (expr instanceof IrConstant constant && constant.getInteger() != null) {
			BigInteger value = constant.getInteger();
			return value.abs().compareTo(BigInteger.valueOf(LIMIT)) < 0 ? Optional.of(constant(value.longValue())) : Optional.empty();
		}
		if (expr instanceof IrVarRef ref && ref.getVar() != null && isLoopVar.test(ref.getVar())) {
			return Optional.of(new AffineForm(0, Map.of(ref.getVar(), 1L)));
		}
		if (expr instanceof IrCast cast && (cast.getType() instanceof IrIntType || cast.getType() instanceof IrIndexType)) {
			return of(cast.getOperand(), isLoopVar);
		}
		if (expr instanceof IrUnary unary && unary.getOp() == IrUnaryOp.NEG) {
			return of(unary.getOperand(), isLoopVar).map(form -> form.times(-1));
		}
		if (expr instanceof IrBinary binary) {
			Optional<AffineForm> left = of(binary.getLeft(), isLoopVar);
			Optional<AffineForm> right = of(binary.getRight(), isLoopVar);
			if (left.isEmpty() || right.isEmpty()) {
				return Optional.empty();
			}
			return switch (binary.getOp()) {
			case ADD -> left.get().plus(right.get(), 1);
			case SUB -> left.get().plus(right.get(), -1);
			case MUL -> product(left.get(), right.get());
			default -> Optional.empty();
			};
		}
		return Optional.empty();
	}

	private static Optional<AffineForm> product(AffineForm left, AffineForm right) {
		if (left.coefficients.isEmpty()) {
			return right.timesChecked(left.constant);
		}
		if (right.coefficients.isEmpty()) {
			return left.timesChecked(right.constant);
		}
		return Optional.empty();
	}

	private Optional<AffineForm> plus(AffineForm other, long sign) {
		Map<IrVar, Long> sum = new LinkedHashMap<>(coefficients);
		other.coefficients.forEach((var, c) -> sum.merge(var, sign * c, Long::sum));
		sum.values().removeIf(c -> c == 0);
		AffineForm result = new AffineForm(constant + sign * other.constant, sum);
		return result.inRange() ? Optional.of(result) : Optional.empty();
	}

	private Optional<AffineForm> timesChecked(long factor) {
		if (Math.abs(factor) >= LIMIT) {
			return Optional.empty();
		}
		AffineForm result = times(factor);
		return result.inRange() ? Optional.of(result) : Optional.empty();
	}

	private AffineForm times(long factor) {
		Map<IrVar, Long> scaled = new LinkedHashMap<>();
		if (factor != 0) {
			coefficients.forEach((var, c) -> scaled.put(var, c * factor));
		}
		return new AffineForm(constant * factor, scaled);
	}

	private boolean inRange() {
		return Math.abs(constant) < LIMIT && coefficients.values().stream().allMatch(c -> Math.abs(c) < LIMIT);
	}
}
