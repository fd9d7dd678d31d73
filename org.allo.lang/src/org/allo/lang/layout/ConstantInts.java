package org.allo.lang.layout;

import org.allo.lang.scoping.Names;
import java.math.BigInteger;

import org.allo.lang.allo.BinaryExpr;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.IntLiteral;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.UnaryExpr;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.scoping.Members;
import org.eclipse.xtext.EcoreUtil2;

/**
 * Integer constant expressions as sizes, factors and loop bounds use them: literals, module-level
 * constants ({@code M, N = 32, 32}, also imported), and {@code + - * // %} and unary minus over
 * those. Anything else (template parameters, kernel variables, calls) is not a constant: checks
 * that need the value are skipped.
 */
public final class ConstantInts {

	/** Constants defined through other constants deeper than this are treated as unknown. */
	private static final int MAX_DEPTH = 32;

	private ConstantInts() {
	}

	/** The value, or null when the expression is not a known integer constant (or overflows int). */
	public static Integer valueOf(Expr expr) {
		Long value = evaluate(expr, 0);
		return value == null || value != value.intValue() ? null : value.intValue();
	}

	private static Long evaluate(Expr expr, int depth) {
		if (expr == null || depth > MAX_DEPTH) {
			return null;
		}
		if (expr instanceof IntLiteral literal) {
			BigInteger value = literal.getValue();
			return value == null || value.bitLength() > 31 ? null : value.longValue();
		}
		if (expr instanceof UnaryExpr unary) {
			Long operand = evaluate(unary.getOperand(), depth + 1);
			return operand == null ? null : switch (unary.getOp()) {
			case "-" -> -operand;
			case "+" -> operand;
			default -> null;
			};
		}
		if (expr instanceof BinaryExpr binary) {
			return binary(binary, depth);
		}
		if (expr instanceof NameRef name) {
			return constant(Names.targetOf(name), depth);
		}
		return null;
	}

	private static Long binary(BinaryExpr binary, int depth) {
		Long left = evaluate(binary.getLeft(), depth + 1);
		Long right = evaluate(binary.getRight(), depth + 1);
		if (left == null || right == null || Math.abs(left) > Integer.MAX_VALUE || Math.abs(right) > Integer.MAX_VALUE) {
			return null;
		}
		return switch (binary.getOp()) {
		case "+" -> left + right;
		case "-" -> left - right;
		case "*" -> left * right;
		case "//" -> right == 0 ? null : Math.floorDiv(left, right);
		case "%" -> right == 0 ? null : Math.floorMod(left, right);
		default -> null;
		};
	}

	/** The value of a module-level constant; names bound inside kernels are variables, not constants. */
	private static Long constant(Referable target, int depth) {
		if (target == null || EcoreUtil2.getContainerOfType(target, FunctionDef.class) != null) {
			return null;
		}
		if (target instanceof NameRef assigned) {
			return evaluate(Members.assignedValue(assigned), depth + 1);
		}
		if (target instanceof VarDecl decl && decl.getInit() != null) {
			return evaluate(decl.getInit(), depth + 1);
		}
		return null;
	}
}
