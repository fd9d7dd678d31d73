package org.allo.lang.tests.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.allo.codegen.cpp.CBinaryOp;
import org.allo.codegen.cpp.CExpr;
import org.allo.codegen.cpp.CType;
import org.allo.codegen.cpp.CppPrinter;
import org.junit.jupiter.api.Test;

/** Parentheses come from the C++ model's precedence, plus those g++ -Wparentheses asks for. */
class CppPrinterTest {

	private static final CExpr A = new CExpr.Name("a");
	private static final CExpr B = new CExpr.Name("b");
	private static final CExpr C = new CExpr.Name("c");

	private static CExpr bin(CBinaryOp op, CExpr left, CExpr right) {
		return new CExpr.Binary(op, left, right);
	}

	@Test
	void leftAssociativeChainsNeedNoParenthesesButRightNestingDoes() {
		assertEquals("a - b - c", CppPrinter.expression(bin(CBinaryOp.SUB, bin(CBinaryOp.SUB, A, B), C)));
		assertEquals("a - (b - c)", CppPrinter.expression(bin(CBinaryOp.SUB, A, bin(CBinaryOp.SUB, B, C))));
		assertEquals("a * (b + c)", CppPrinter.expression(bin(CBinaryOp.MUL, A, bin(CBinaryOp.ADD, B, C))));
		assertEquals("a * b + c", CppPrinter.expression(bin(CBinaryOp.ADD, bin(CBinaryOp.MUL, A, B), C)));
	}

	@Test
	void mixedOperatorsThatGccWarnsAboutAreParenthesised() {
		assertEquals("(a + b) << c", CppPrinter.expression(bin(CBinaryOp.SHL, bin(CBinaryOp.ADD, A, B), C)));
		assertEquals("(a && b) || c", CppPrinter.expression(bin(CBinaryOp.OR, bin(CBinaryOp.AND, A, B), C)));
		assertEquals("(a & b) | c", CppPrinter.expression(bin(CBinaryOp.BIT_OR, bin(CBinaryOp.BIT_AND, A, B), C)));
		assertEquals("(a < b) == c", CppPrinter.expression(bin(CBinaryOp.EQ, bin(CBinaryOp.LT, A, B), C)));
		assertEquals("a + b < c", CppPrinter.expression(bin(CBinaryOp.LT, bin(CBinaryOp.ADD, A, B), C)));
	}

	@Test
	void castsAndPrefixOperatorsBindTighterThanBinaryOnes() {
		CType int33 = CType.integer(33, true);
		assertEquals("(ap_int<33>)(a + b)", CppPrinter.expression(new CExpr.Cast(int33, bin(CBinaryOp.ADD, A, B))));
		assertEquals("(ap_int<33>)a + (ap_int<33>)b",
				CppPrinter.expression(bin(CBinaryOp.ADD, new CExpr.Cast(int33, A), new CExpr.Cast(int33, B))));
		assertEquals("-(-a)", CppPrinter.expression(new CExpr.Unary("-", new CExpr.Unary("-", A))));
		assertEquals("(int8_t)(-1)", CppPrinter.expression(new CExpr.Cast(CType.integer(8, true), new CExpr.Literal("-1"))));
		assertEquals("(a + b).to_double()", CppPrinter.expression(new CExpr.Method(bin(CBinaryOp.ADD, A, B), "to_double", List.of())));
		assertEquals("(a ? b : c) + a",
				CppPrinter.expression(bin(CBinaryOp.ADD, new CExpr.Conditional(A, B, C), A)));
	}

	@Test
	void typesUseNativeSpellingsOnlyForNativeWidths() {
		assertEquals("int8_t", CType.integer(8, true).spelling());
		assertEquals("uint64_t", CType.integer(64, false).spelling());
		assertEquals("ap_uint<7>", CType.integer(7, false).spelling());
		assertEquals("bool", CType.integer(1, false).spelling());
		assertEquals("ap_int<1>", CType.integer(1, true).spelling());
		assertEquals("ap_fixed<16, 8>", CType.fixed(16, 8, true).spelling());
		assertEquals("ap_ufixed<12, 4>", CType.fixed(12, 8, false).spelling());
		assertEquals("hls::stream<float>", CType.stream(CType.FLOAT, 4).spelling());
	}
}
