package org.allo.lang.types;

import org.allo.lang.scoping.Names;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.Argument;
import org.allo.lang.allo.BinaryExpr;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.CompareExpr;
import org.allo.lang.allo.ConditionalExpr;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.UnaryExpr;
import org.allo.lang.scoping.Stdlib;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Implicit conversions on assignment (LANGUAGE.md §3): Allo computes {@code a + b} in a wider type
 * and narrows it back on assignment, so what matters for information loss is the <em>declared
 * source</em> type of a value (the widest declared operand), not the widened result. A compile-time
 * constant is judged by its value.
 */
@Singleton
public class Conversions {

	@Inject
	private TypeService types;

	@Inject
	private ConstantEvaluator constants;

	@Inject
	private Stdlib stdlib;

	/** Why storing {@code value} into {@code target} loses information, or null when it does not. */
	public String lossProblem(Expr value, Type target) {
		Object constant = constants.evaluate(value, Map.of());
		if (constant instanceof BigInteger || constant instanceof Double || constant instanceof Boolean) {
			return constantProblem(constant, target);
		}
		Type source = sourceType(value);
		if (source != null && TypeRules.lossy(source, target)) {
			return "implicit conversion from " + source.display() + " to " + target.display()
					+ " may lose information; write " + target.display() + "(...) to make it explicit";
		}
		return null;
	}

	private static String constantProblem(Object constant, Type target) {
		if (constant instanceof BigInteger value && target instanceof IntType integer && !fits(value, integer)) {
			return "constant " + value + " does not fit in " + integer.display() + " and wraps; write "
					+ integer.display() + "(" + value + ") if that is intended";
		}
		if (constant instanceof Double value && value != Math.rint(value)
				&& (target instanceof IntType || target instanceof IndexType)) {
			return "constant " + value + " is not an integer and is truncated to " + target.display() + "; write "
					+ target.display() + "(" + value + ") if that is intended";
		}
		return null;
	}

	private static boolean fits(BigInteger value, IntType type) {
		BigInteger min = type.signed() ? BigInteger.ONE.shiftLeft(type.bits() - 1).negate() : BigInteger.ZERO;
		BigInteger max = type.signed() ? BigInteger.ONE.shiftLeft(type.bits() - 1).subtract(BigInteger.ONE)
				: BigInteger.ONE.shiftLeft(type.bits()).subtract(BigInteger.ONE);
		return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
	}

	/**
	 * The declared type a value comes from, before arithmetic widening: the common type of the
	 * operands of {@code + - * / // % & | ^} and of a select, the left operand of a shift; null for a
	 * compile-time constant (it adapts to its context).
	 */
	public Type sourceType(Expr value) {
		if (constants.evaluate(value, Map.of()) != null) {
			return null;
		}
		if (value instanceof BinaryExpr binary) {
			switch (binary.getOp()) {
			case "+", "-", "*", "/", "//", "%", "&", "|", "^":
				return join(sourceType(binary.getLeft()), sourceType(binary.getRight()));
			case "<<", ">>":
				return sourceType(binary.getLeft());
			default:
				return types.typeOf(value);
			}
		}
		if (value instanceof UnaryExpr unary && !"not".equals(unary.getOp())) {
			return sourceType(unary.getOperand());
		}
		if (value instanceof ConditionalExpr conditional) {
			return join(sourceType(conditional.getThen()), sourceType(conditional.getElse()));
		}
		if (value instanceof CompareExpr) {
			return IntType.BOOL;
		}
		if (value instanceof CallExpr call && isSelection(call)) {
			Type joined = null;
			for (Argument argument : call.getArgs()) {
				joined = join(joined, sourceType(argument.getValue()));
			}
			return joined;
		}
		return types.typeOf(value);
	}

	/** {@code min}, {@code max} and {@code allo.abs} choose among their arguments without widening. */
	private boolean isSelection(CallExpr call) {
		return Names.targetOf(call.getCallee()) instanceof FunctionDef function
				&& stdlib.isStdlib(function.eResource()) && List.of("min", "max", "abs").contains(function.getName());
	}

	/** A constant or a loop index adapts to the other operand, so the other operand decides. */
	private static Type join(Type left, Type right) {
		if (left == null || right == null || left instanceof IndexType || right instanceof IndexType) {
			return left == null || left instanceof IndexType ? right : left;
		}
		Type joined = TypeRules.select(left, right);
		return joined == null ? UnknownType.INSTANCE : joined;
	}
}
