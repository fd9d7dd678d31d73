package org.allo.codegen.cpp;

/** C++ binary operators with their precedence (lower binds tighter). */
public enum CBinaryOp {
	MUL("*", 3), DIV("/", 3), MOD("%", 3),
	ADD("+", 4), SUB("-", 4),
	SHL("<<", 5), SHR(">>", 5),
	LT("<", 6), LE("<=", 6), GT(">", 6), GE(">=", 6),
	EQ("==", 7), NE("!=", 7),
	BIT_AND("&", 8), BIT_XOR("^", 9), BIT_OR("|", 10),
	AND("&&", 11), OR("||", 12);

	private final String symbol;
	private final int precedence;

	CBinaryOp(String symbol, int precedence) {
		this.symbol = symbol;
		this.precedence = precedence;
	}

	public String symbol() {
		return symbol;
	}

	public int precedence() {
		return precedence;
	}

	public boolean isArithmetic() {
		return precedence == 3 || precedence == 4;
	}

	public boolean isComparison() {
		return precedence == 6 || precedence == 7;
	}
}
