package org.allo.codegen.cpp;

import java.util.List;

/**
 * A C++ expression of the generated code. {@link #precedence()} is C++'s (1 binds tightest), which the
 * {@link CppPrinter} uses to place exactly the parentheses needed, plus those g++ -Wparentheses asks for.
 */
public sealed interface CExpr {

	int precedence();

	/** A literal or any other atom printed as is. */
	record Literal(String text) implements CExpr {
		@Override
		public int precedence() {
			return 1;
		}
	}

	record Name(String name) implements CExpr {
		@Override
		public int precedence() {
			return 1;
		}
	}

	/** {@code base[i][j]} */
	record Index(CExpr base, List<CExpr> indices) implements CExpr {
		@Override
		public int precedence() {
			return 1;
		}
	}

	/** {@code function(args)}, {@code std::min<T>(a, b)} */
	record Call(String function, List<CExpr> args) implements CExpr {
		@Override
		public int precedence() {
			return 1;
		}
	}

	/** {@code target.method(args)} */
	record Method(CExpr target, String method, List<CExpr> args) implements CExpr {
		@Override
		public int precedence() {
			return 1;
		}
	}

	/** {@code (T)operand}: the conversion with the target type's rules (ap_int wrap, ap_fixed AP_TRN/AP_WRAP). */
	record Cast(CType type, CExpr operand) implements CExpr {
		@Override
		public int precedence() {
			return 2;
		}
	}

	/** {@code -x}, {@code !x}, {@code ~x} */
	record Unary(String operator, CExpr operand) implements CExpr {
		@Override
		public int precedence() {
			return 2;
		}
	}

	record Binary(CBinaryOp op, CExpr left, CExpr right) implements CExpr {
		@Override
		public int precedence() {
			return op.precedence();
		}
	}

	/** {@code c ? a : b} */
	record Conditional(CExpr condition, CExpr whenTrue, CExpr whenFalse) implements CExpr {
		@Override
		public int precedence() {
			return 13;
		}
	}

	/** {@code target = value} */
	record Assign(CExpr target, CExpr value) implements CExpr {
		@Override
		public int precedence() {
			return 14;
		}
	}
}
