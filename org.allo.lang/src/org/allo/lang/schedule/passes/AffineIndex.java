package org.allo.lang.schedule.passes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.allo.lang.ir.IrBinary;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrCast;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrIndexType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.IrVarRef;

/**
 * An index expression as {@code constant + Σ coefficient·var}, when it is one: what the reuse and
 * fusion checks reason about. Anything else (a load, a division) is not affine.
 */
public record AffineIndex(Map<IrVar, Long> coefficients, long constant) {

	public static Optional<AffineIndex> of(IrExpr expr) {
		Long value = IrEdits.constantOf(expr);
		if (value != null) {
			return Optional.of(new AffineIndex(Map.of(), value));
		}
		if (expr instanceof IrVarRef ref) {
			return Optional.of(new AffineIndex(Map.of(ref.getVar(), 1L), 0));
		}
		if (expr instanceof IrCast cast && wide(cast.getType()) && wide(cast.getOperand().getType())) {
			return of(cast.getOperand());
		}
		if (expr instanceof IrBinary binary) {
			Optional<AffineIndex> left = of(binary.getLeft());
			Optional<AffineIndex> right = of(binary.getRight());
			if (left.isEmpty() || right.isEmpty()) {
				return Optional.empty();
			}
			return switch (binary.getOp()) {
			case ADD -> Optional.of(left.get().plus(right.get(), 1));
			case SUB -> Optional.of(left.get().plus(right.get(), -1));
			case MUL -> left.get().isConstant() ? Optional.of(right.get().times(left.get().constant()))
					: right.get().isConstant() ? Optional.of(left.get().times(right.get().constant())) : Optional.empty();
			default -> Optional.empty();
			};
		}
		return Optional.empty();
	}

	/**
	 * Index and integer types of at least 32 bits: conversions between them keep every index value
	 * (the lowering widens {@code i + 1} to {@code index(Int(34)(i) + 1)}).
	 */
	private static boolean wide(IrType type) {
		return type instanceof IrIndexType || (type instanceof IrIntType integer && integer.getBits() >= 32);
	}

	public boolean isConstant() {
		return coefficients.isEmpty();
	}

	public long coefficient(IrVar var) {
		return coefficients.getOrDefault(var, 0L);
	}

	/** The same expression without the term of {@code var}. */
	public AffineIndex without(IrVar var) {
		Map<IrVar, Long> rest = new LinkedHashMap<>(coefficients);
		rest.remove(var);
		return new AffineIndex(rest, constant);
	}

	/** The expression back as index arithmetic: {@code r + 2 * c - 1}. */
	public IrExpr toExpr() {
		IrExpr sum = null;
		for (Map.Entry<IrVar, Long> term : coefficients.entrySet()) {
			IrExpr product = IrEdits.arith(IrBinaryOp.MUL, IrEdits.ref(term.getKey()), IrEdits.index(term.getValue()));
			sum = sum == null ? product : IrEdits.arith(IrBinaryOp.ADD, sum, product);
		}
		if (sum == null) {
			return IrEdits.index(constant);
		}
		return constant == 0 ? sum : IrEdits.arith(constant > 0 ? IrBinaryOp.ADD : IrBinaryOp.SUB, sum, IrEdits.index(Math.abs(constant)));
	}

	public AffineIndex shifted(long delta) {
		return new AffineIndex(coefficients, constant + delta);
	}

	private AffineIndex plus(AffineIndex other, long sign) {
		Map<IrVar, Long> sum = new LinkedHashMap<>(coefficients);
		other.coefficients.forEach((var, coefficient) -> sum.merge(var, sign * coefficient, Long::sum));
		sum.values().removeIf(c -> c == 0);
		return new AffineIndex(sum, constant + sign * other.constant);
	}

	private AffineIndex times(long factor) {
		Map<IrVar, Long> product = new LinkedHashMap<>();
		if (factor != 0) {
			coefficients.forEach((var, coefficient) -> product.put(var, coefficient * factor));
		}
		return new AffineIndex(product, constant * factor);
	}
}
