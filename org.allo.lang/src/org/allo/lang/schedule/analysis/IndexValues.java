package org.allo.lang.schedule.analysis;

import java.util.Map;
import java.util.OptionalLong;

import org.allo.lang.ir.IrBinary;
import org.allo.lang.ir.IrCast;
import org.allo.lang.ir.IrConstant;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrIndexType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrUnary;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.IrVarRef;

/**
 * Evaluates index arithmetic (constants, loop variables, + - * // % min max, comparisons, and,
 * or) for given loop variable values; anything else (a load, a scalar) has no value here.
 */
public final class IndexValues {

	private IndexValues() {
	}

	public static OptionalLong of(IrExpr expr, Map<IrVar, Long> values) {
		if (expr instanceof IrConstant constant && constant.getInteger() != null && constant.getInteger().bitLength() < 63) {
			return OptionalLong.of(constant.getInteger().longValue());
		}
		if (expr instanceof IrVarRef ref && values.containsKey(ref.getVar())) {
			return OptionalLong.of(values.get(ref.getVar()));
		}
		if (expr instanceof IrCast cast && (cast.getType() instanceof IrIntType || cast.getType() instanceof IrIndexType)) {
			return of(cast.getOperand(), values);
		}
		if (expr instanceof IrUnary unary) {
			OptionalLong operand = of(unary.getOperand(), values);
			if (operand.isEmpty()) {
				return operand;
			}
			return switch (unary.getOp()) {
			case NEG -> OptionalLong.of(-operand.getAsLong());
			case NOT -> OptionalLong.of(operand.getAsLong() == 0 ? 1 : 0);
			default -> OptionalLong.empty();
			};
		}
		if (expr instanceof IrBinary binary) {
			OptionalLong left = of(binary.getLeft(), values);
			OptionalLong right = of(binary.getRight(), values);
			if (left.isEmpty() || right.isEmpty()) {
				return OptionalLong.empty();
			}
			return binary(binary, left.getAsLong(), right.getAsLong());
		}
		return OptionalLong.empty();
	}

	private static OptionalLong binary(IrBinary binary, long a, long b) {
		return switch (binary.getOp()) {
		case ADD -> OptionalLong.of(a + b);
		case SUB -> OptionalLong.of(a - b);
		case MUL -> OptionalLong.of(a * b);
		case FLOOR_DIV -> b == 0 ? OptionalLong.empty() : OptionalLong.of(Math.floorDiv(a, b));
		case MOD -> b == 0 ? OptionalLong.empty() : OptionalLong.of(Math.floorMod(a, b));
		case MIN -> OptionalLong.of(Math.min(a, b));
		case MAX -> OptionalLong.of(Math.max(a, b));
		case LT -> truth(a < b);
		case LE -> truth(a <= b);
		case GT -> truth(a > b);
		case GE -> truth(a >= b);
		case EQ -> truth(a == b);
		case NE -> truth(a != b);
		case AND -> truth(a != 0 && b != 0);
		case OR -> truth(a != 0 || b != 0);
		default -> OptionalLong.empty();
		};
	}

	private static OptionalLong truth(boolean value) {
		return OptionalLong.of(value ? 1 : 0);
	}
}
