package org.allo.lang.ir.printer;

import java.util.List;
import java.util.stream.Collectors;

import org.allo.lang.ir.IrBinary;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrBitSlice;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrCast;
import org.allo.lang.ir.IrConstant;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrMathCall;
import org.allo.lang.ir.IrSelect;
import org.allo.lang.ir.IrStreamGet;
import org.allo.lang.ir.IrUnary;
import org.allo.lang.ir.IrUnaryOp;
import org.allo.lang.ir.IrVarRef;

/** IR expressions in Python syntax, with only the parentheses Python's precedence needs. */
public final class IrExpressions {

	private static final int SELECT = 1;
	private static final int OR = 2;
	private static final int AND = 3;
	private static final int NOT = 4;
	private static final int COMPARE = 5;
	private static final int BIT_OR = 6;
	private static final int BIT_XOR = 7;
	private static final int BIT_AND = 8;
	private static final int SHIFT = 9;
	private static final int SUM = 10;
	private static final int PRODUCT = 11;
	private static final int UNARY = 12;
	private static final int POWER = 13;
	private static final int ATOM = 14;

	private IrExpressions() {
	}

	public static String print(IrExpr expr) {
		return print(expr, 0);
	}

	static String indices(List<IrExpr> indices) {
		return indices.stream().map(IrExpressions::print).collect(Collectors.joining(", ", "[", "]"));
	}

	public static String indicesOrEmpty(List<IrExpr> indices) {
		return indices.isEmpty() ? "" : indices(indices);
	}

	private static String print(IrExpr expr, int context) {
		int precedence = precedence(expr);
		String text = text(expr);
		return precedence < context ? "(" + text + ")" : text;
	}

	private static String text(IrExpr expr) {
		if (expr instanceof IrBinary binary) {
			return binary(binary);
		} else if (expr instanceof IrUnary unary) {
			return switch (unary.getOp()) {
			case NOT -> "not " + print(unary.getOperand(), NOT);
			case NEG -> "-" + print(unary.getOperand(), UNARY);
			case INVERT -> "~" + print(unary.getOperand(), UNARY);
			case REVERSE -> print(unary.getOperand(), ATOM) + ".reverse()";
			case BITCAST -> print(unary.getOperand(), ATOM) + ".bitcast()";
			};
		} else if (expr instanceof IrSelect select) {
			return print(select.getWhenTrue(), SELECT + 1) + " if " + print(select.getCondition(), SELECT + 1) + " else "
					+ print(select.getWhenFalse(), SELECT);
		} else if (expr instanceof IrConstant constant) {
			return constant.getInteger() != null ? constant.getInteger().toString() : Double.toString(constant.getReal());
		} else if (expr instanceof IrVarRef ref) {
			return ref.getVar().getName();
		} else if (expr instanceof IrLoad load) {
			return load.getBuffer().getName() + indicesOrEmpty(load.getIndices());
		} else if (expr instanceof IrStreamGet get) {
			return get.getStream().getName() + indicesOrEmpty(get.getIndices()) + ".get()";
		} else if (expr instanceof IrCast cast) {
			return IrTypes.print(cast.getType()) + "(" + print(cast.getOperand()) + ")";
		} else if (expr instanceof IrCall call) {
			return call.getFunction().getName() + arguments(call.getArgs());
		} else if (expr instanceof IrMathCall math) {
			return "allo." + math.getFunction().getName().toLowerCase() + arguments(math.getArgs());
		} else if (expr instanceof IrBitSlice slice) {
			return print(slice.getOperand(), ATOM) + "[" + bits(slice) + "]";
		}
		throw new IllegalArgumentException("no printer for " + expr.eClass().getName());
	}

	private static String binary(IrBinary binary) {
		IrBinaryOp op = binary.getOp();
		if (op == IrBinaryOp.MIN || op == IrBinaryOp.MAX) {
			return op.getName().toLowerCase() + "(" + print(binary.getLeft()) + ", " + print(binary.getRight()) + ")";
		}
		int precedence = precedence(binary);
		boolean rightAssociative = op == IrBinaryOp.POW;
		boolean comparison = precedence == COMPARE;
		int left = rightAssociative || comparison ? precedence + 1 : precedence;
		int right = rightAssociative ? precedence : precedence + 1;
		return print(binary.getLeft(), left) + " " + symbol(op) + " " + print(binary.getRight(), right);
	}

	private static String bits(IrBitSlice slice) {
		if (slice.getLow() instanceof IrConstant low && slice.getHigh() instanceof IrConstant high && low.getInteger() != null
				&& high.getInteger() != null && high.getInteger().subtract(low.getInteger()).intValue() == 1) {
			return low.getInteger().toString();
		}
		return print(slice.getLow()) + ":" + print(slice.getHigh());
	}

	private static String arguments(List<IrExpr> args) {
		return args.stream().map(IrExpressions::print).collect(Collectors.joining(", ", "(", ")"));
	}

	private static int precedence(IrExpr expr) {
		if (expr instanceof IrSelect) {
			return SELECT;
		} else if (expr instanceof IrUnary unary) {
			return switch (unary.getOp()) {
			case NOT -> NOT;
			case REVERSE, BITCAST -> ATOM;
			default -> UNARY;
			};
		} else if (expr instanceof IrConstant constant && isNegative(constant)) {
			return UNARY;
		} else if (expr instanceof IrBinary binary) {
			return switch (binary.getOp()) {
			case OR -> OR;
			case AND -> AND;
			case LT, LE, GT, GE, EQ, NE -> COMPARE;
			case BIT_OR -> BIT_OR;
			case BIT_XOR -> BIT_XOR;
			case BIT_AND -> BIT_AND;
			case SHL, SHR -> SHIFT;
			case ADD, SUB -> SUM;
			case MUL, DIV, FLOOR_DIV, MOD -> PRODUCT;
			case POW -> POWER;
			case MIN, MAX -> ATOM;
			};
		}
		return ATOM;
	}

	private static boolean isNegative(IrConstant constant) {
		return constant.getInteger() != null ? constant.getInteger().signum() < 0 : constant.getReal() < 0;
	}

	private static String symbol(IrBinaryOp op) {
		return switch (op) {
		case ADD -> "+";
		case SUB -> "-";
		case MUL -> "*";
		case DIV -> "/";
		case FLOOR_DIV -> "//";
		case MOD -> "%";
		case POW -> "**";
		case SHL -> "<<";
		case SHR -> ">>";
		case BIT_AND -> "&";
		case BIT_OR -> "|";
		case BIT_XOR -> "^";
		case LT -> "<";
		case LE -> "<=";
		case GT -> ">";
		case GE -> ">=";
		case EQ -> "==";
		case NE -> "!=";
		case AND -> "and";
		case OR -> "or";
		case MIN, MAX -> op.getName().toLowerCase();
		};
	}
}
