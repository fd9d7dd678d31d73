package org.allo.lang.tests.parser;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.allo.lang.allo.AlloPackage;
import org.allo.lang.allo.Argument;
import org.allo.lang.allo.BinaryExpr;
import org.allo.lang.allo.BoolLiteral;
import org.allo.lang.allo.BraceExpr;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.CompareExpr;
import org.allo.lang.allo.ConditionalExpr;
import org.allo.lang.allo.EllipsisLiteral;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.FloatLiteral;
import org.allo.lang.allo.IntLiteral;
import org.allo.lang.allo.ListExpr;
import org.allo.lang.allo.MemberExpr;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.NoneLiteral;
import org.allo.lang.allo.SliceExpr;
import org.allo.lang.allo.StringLiteral;
import org.allo.lang.allo.SubscriptExpr;
import org.allo.lang.allo.TupleExpr;
import org.allo.lang.allo.UnaryExpr;
import org.allo.lang.scoping.Names;

/** Prints an expression with every operator node in parentheses, so a golden file shows the tree. */
final class ExpressionTreePrinter {

	private ExpressionTreePrinter() {
	}

	static String print(Expr expr) {
		if (expr == null) {
			return "";
		} else if (expr instanceof BinaryExpr binary) {
			return "(" + print(binary.getLeft()) + " " + binary.getOp() + " " + print(binary.getRight()) + ")";
		} else if (expr instanceof UnaryExpr unary) {
			return "(" + unary.getOp() + ("not".equals(unary.getOp()) ? " " : "") + print(unary.getOperand()) + ")";
		} else if (expr instanceof CompareExpr compare) {
			StringBuilder result = new StringBuilder("(").append(print(compare.getOperands().get(0)));
			for (int i = 0; i < compare.getOps().size(); i++) {
				result.append(' ').append(compare.getOps().get(i).replace("notin", "not in").replace("isnot", "is not"))
						.append(' ').append(print(compare.getOperands().get(i + 1)));
			}
			return result.append(')').toString();
		} else if (expr instanceof ConditionalExpr conditional) {
			return "(" + print(conditional.getThen()) + " if " + print(conditional.getCondition()) + " else "
					+ print(conditional.getElse()) + ")";
		} else if (expr instanceof CallExpr call) {
			return print(call.getCallee()) + "(" + join(call.getArgs(), ExpressionTreePrinter::argument) + ")";
		} else if (expr instanceof SubscriptExpr subscript) {
			return print(subscript.getTarget()) + "[" + join(subscript.getIndices(), ExpressionTreePrinter::print) + "]";
		} else if (expr instanceof MemberExpr member) {
			return print(member.getReceiver()) + "."
					+ Names.referenceText(member, AlloPackage.Literals.MEMBER_EXPR__MEMBER);
		} else if (expr instanceof SliceExpr slice) {
			return print(slice.getLower()) + ":" + print(slice.getUpper()) + (slice.getStep() == null ? "" : ":" + print(slice.getStep()));
		} else if (expr instanceof TupleExpr tuple) {
			return "(" + join(tuple.getElements(), ExpressionTreePrinter::print) + (tuple.getElements().size() == 1 ? ",)" : ")");
		} else if (expr instanceof ListExpr list) {
			return "[" + join(list.getElements(), ExpressionTreePrinter::print) + "]";
		} else if (expr instanceof BraceExpr braces) {
			return "{" + join(braces.getItems(), item -> print(item.getKey()) + (item.getValue() == null ? "" : ": " + print(item.getValue()))) + "}";
		}
		return atom(expr);
	}

	private static String atom(Expr expr) {
		if (expr instanceof NameRef name) {
			return Names.nameOf(name);
		} else if (expr instanceof IntLiteral literal) {
			return literal.getValue().toString();
		} else if (expr instanceof FloatLiteral literal) {
			return Double.toString(literal.getValue());
		} else if (expr instanceof StringLiteral literal) {
			return '"' + literal.getValue() + '"';
		} else if (expr instanceof BoolLiteral literal) {
			return literal.isValue() ? "True" : "False";
		} else if (expr instanceof NoneLiteral) {
			return "None";
		} else if (expr instanceof EllipsisLiteral) {
			return "...";
		}
		throw new IllegalArgumentException("no printer for " + expr.eClass().getName());
	}

	private static String argument(Argument argument) {
		String prefix = argument.isStar() ? "*" : argument.getKeyword() != null ? argument.getKeyword() + "=" : "";
		return prefix + print(argument.getValue());
	}

	private static <T> String join(List<T> items, Function<T, String> printer) {
		return items.stream().map(printer).collect(Collectors.joining(", "));
	}
}
