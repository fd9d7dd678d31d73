package org.allo.codegen.cpp;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints the C++ model. Expressions get the parentheses C++ precedence needs, plus those that g++
 * {@code -Wparentheses} wants around mixed operators (shift of a sum, {@code &&} inside {@code ||}), so
 * generated code compiles with {@code -Wall -Werror}. Indentation is two spaces, as in Allo's output.
 */
public final class CppPrinter {

	private static final String INDENT = "  ";

	private final StringBuilder out = new StringBuilder();
	private int depth;

	public static String print(CFile file) {
		CppPrinter printer = new CppPrinter();
		printer.file(file);
		return printer.out.toString();
	}

	/** The declaration {@code void f(int32_t *A, …)} without body or semicolon, for headers. */
	public static String signature(CFunction function) {
		String params = function.params().stream().map(CppPrinter::param).collect(Collectors.joining(",\n  "));
		return function.result().spelling() + " " + function.name() + "(" + (params.isEmpty() ? "" : "\n  " + params + "\n") + ")";
	}

	public static String expression(CExpr expr) {
		if (expr instanceof CExpr.Literal literal) {
			return literal.text();
		} else if (expr instanceof CExpr.Name name) {
			return name.name();
		} else if (expr instanceof CExpr.Index index) {
			return operand(index.base(), 1) + index.indices().stream().map(i -> "[" + expression(i) + "]").collect(Collectors.joining());
		} else if (expr instanceof CExpr.Call call) {
			return call.function() + "(" + list(call.args()) + ")";
		} else if (expr instanceof CExpr.Method method) {
			return operand(method.target(), 1) + "." + method.method() + "(" + list(method.args()) + ")";
		} else if (expr instanceof CExpr.Cast cast) {
			return "(" + cast.type().spelling() + ")" + prefixOperand(cast.operand());
		} else if (expr instanceof CExpr.Unary unary) {
			return unary.operator() + prefixOperand(unary.operand());
		} else if (expr instanceof CExpr.Binary binary) {
			return binaryOperand(binary.op(), binary.left(), false) + " " + binary.op().symbol() + " "
					+ binaryOperand(binary.op(), binary.right(), true);
		} else if (expr instanceof CExpr.Conditional c) {
			return operand(c.condition(), 12) + " ? " + operand(c.whenTrue(), 12) + " : " + operand(c.whenFalse(), 12);
		}
		CExpr.Assign assign = (CExpr.Assign) expr;
		return expression(assign.target()) + " = " + expression(assign.value());
	}

	private static String list(List<CExpr> args) {
		return args.stream().map(CppPrinter::expression).collect(Collectors.joining(", "));
	}

	/** The expression, parenthesised when it binds looser than maxPrecedence allows. */
	private static String operand(CExpr expr, int maxPrecedence) {
		String text = expression(expr);
		return expr.precedence() > maxPrecedence ? "(" + text + ")" : text;
	}

	/** Operands of prefix operators; {@code -(-x)} and {@code -(-1)} keep their parentheses. */
	private static String prefixOperand(CExpr operand) {
		String text = expression(operand);
		boolean signed = text.startsWith("-") || text.startsWith("+");
		return operand.precedence() > 2 || signed ? "(" + text + ")" : text;
	}

	private static String binaryOperand(CBinaryOp parent, CExpr child, boolean right) {
		if (!(child instanceof CExpr.Binary binary)) {
			return operand(child, parent.precedence() - (right ? 1 : 0));
		}
		CBinaryOp op = binary.op();
		boolean needed = op.precedence() > parent.precedence() || right && op.precedence() == parent.precedence();
		boolean obvious = op.precedence() == parent.precedence() && !parent.isComparison()
				|| parent.isArithmetic() && op.precedence() < parent.precedence()
				|| parent.isComparison() && op.isArithmetic();
		String text = expression(child);
		return needed || !obvious ? "(" + text + ")" : text;
	}

	private static String param(CParam param) {
		String type = param.type().spelling();
		return switch (param.form()) {
		case VALUE -> type + " " + param.name();
		case ARRAY -> type + " " + param.name() + dims(param.dims());
		case POINTER -> type + " *" + param.name();
		case REFERENCE -> type + " &" + param.name();
		};
	}

	private static String dims(List<Long> dims) {
		return dims.stream().map(d -> "[" + d + "]").collect(Collectors.joining());
	}

	private void file(CFile file) {
		line(file.banner());
		for (String include : file.includes()) {
			line("#include " + include);
		}
		line("");
		for (String helper : file.helpers()) {
			out.append(helper);
			line("");
		}
		if (!file.globals().isEmpty()) {
			file.globals().forEach(this::statement);
			line("");
		}
		boolean open = false;
		for (CFunction function : file.functions()) {
			boolean external = file.externC().contains(function.name());
			if (external && !open) {
				line("extern \"C\" {");
				line("");
				open = true;
			}
			function(function);
			line("");
		}
		if (open) {
			line("} // extern \"C\"");
		}
	}

	private void function(CFunction function) {
		line(signature(function) + " {");
		block(function.body());
		line("}");
	}

	private void block(List<CStmt> statements) {
		depth++;
		statements.forEach(this::statement);
		depth--;
	}

	private void statement(CStmt statement) {
		if (statement instanceof CStmt.Declare declare) {
			line((declare.isStatic() ? "static " : "") + declare.type().spelling() + " " + declare.name() + dims(declare.dims())
					+ (declare.init() == null ? "" : " = " + expression(declare.init())) + ";");
		} else if (statement instanceof CStmt.Construct construct) {
			line(construct.type().spelling() + " " + construct.name() + "(" + list(construct.args()) + ");");
		} else if (statement instanceof CStmt.ExprStmt expr) {
			line(expression(expr.expr()) + ";");
		} else if (statement instanceof CStmt.For loop) {
			forLoop(loop);
		} else if (statement instanceof CStmt.While loop) {
			line("while (" + expression(loop.condition()) + ") {");
			block(loop.body());
			line("}");
		} else if (statement instanceof CStmt.If branch) {
			ifStatement(branch);
		} else if (statement instanceof CStmt.Return ret) {
			line(ret.value() == null ? "return;" : "return " + expression(ret.value()) + ";");
		} else if (statement instanceof CStmt.Pragma pragma) {
			line("#pragma HLS " + pragma.text());
		} else if (statement instanceof CStmt.Comment comment) {
			line("// " + comment.text());
		} else if (statement instanceof CStmt.IfDefined conditional) {
			ifDefined(conditional);
		} else if (statement instanceof CStmt.Concurrent concurrent) {
			concurrent(concurrent);
		}
	}

	private void ifDefined(CStmt.IfDefined conditional) {
		line("#ifdef " + conditional.macro());
		conditional.then().forEach(this::statement);
		if (!conditional.otherwise().isEmpty()) {
			line("#else");
			conditional.otherwise().forEach(this::statement);
		}
		line("#endif");
	}

	private void concurrent(CStmt.Concurrent concurrent) {
		line(concurrent.runner() + "({");
		depth++;
		concurrent.calls().forEach(call -> line("[&] { " + expression(call) + "; },"));
		depth--;
		line("});");
	}

	private void forLoop(CStmt.For loop) {
		String var = loop.var();
		long step = loop.step();
		String condition = var + (step > 0 ? " < " : " > ") + expression(loop.upper());
		String update = step == 1 ? var + "++" : step == -1 ? var + "--" : step > 0 ? var + " += " + step : var + " -= " + -step;
		line(loop.label() + ": for (" + loop.varType().spelling() + " " + var + " = " + expression(loop.lower()) + "; "
				+ condition + "; " + update + ") {");
		depth++;
		loop.pragmas().forEach(pragma -> line("#pragma HLS " + pragma));
		depth--;
		block(loop.body());
		line("}");
	}

	private void ifStatement(CStmt.If branch) {
		line("if (" + expression(branch.condition()) + ") {");
		block(branch.then());
		if (!branch.otherwise().isEmpty()) {
			line("} else {");
			block(branch.otherwise());
		}
		line("}");
	}

	private void line(String text) {
		if (!text.isEmpty()) {
			out.append(INDENT.repeat(depth));
		}
		out.append(text).append('\n');
	}
}
