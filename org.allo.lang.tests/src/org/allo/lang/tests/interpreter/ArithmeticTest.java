package org.allo.lang.tests.interpreter;

import static org.allo.lang.ir.builder.IrNodes.fixed;
import static org.allo.lang.ir.builder.IrNodes.floatType;
import static org.allo.lang.ir.builder.IrNodes.int32;
import static org.allo.lang.ir.builder.IrNodes.intType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;


import org.allo.lang.interpreter.Arithmetic;
import org.allo.lang.interpreter.FloatRounding;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.SimulationError;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrFixedType;
import org.allo.lang.ir.IrFloatKind;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrUnaryOp;
import org.junit.jupiter.api.Test;

/** Numeric semantics against values known independently (ap_int/ap_fixed rules, IEEE binary16/bfloat16 tables). */
class ArithmeticTest {

	@Test
	void integersWrapToTheirWidth() throws SimulationError {
		assertEquals(-15, longOf(Arithmetic.convert(Scalar.of(17), intType(5, true))));
		assertEquals(-16, longOf(Arithmetic.convert(Scalar.of(16), intType(5, true))));
		assertEquals(15, longOf(Arithmetic.convert(Scalar.of(15), intType(5, true))));
		assertEquals(131071, longOf(Arithmetic.convert(Scalar.of(-1), intType(17, false))));
		assertEquals(5, longOf(Arithmetic.convert(Scalar.of((1 << 17) + 5), intType(17, false))));
		assertEquals(Long.MIN_VALUE, longOf(Arithmetic.binary(IrBinaryOp.ADD, Scalar.of(Long.MAX_VALUE), Scalar.of(1),
				intType(64, true))));
	}

	@Test
	void slashIsCDivisionAndDoubleSlashIsFloorDivision() throws SimulationError {
		assertEquals(-3, intOp(IrBinaryOp.DIV, -7, 2));
		assertEquals(-4, intOp(IrBinaryOp.FLOOR_DIV, -7, 2));
		assertEquals(-3, intOp(IrBinaryOp.DIV, 7, -2));
		assertEquals(-4, intOp(IrBinaryOp.FLOOR_DIV, 7, -2));
		assertEquals(3, intOp(IrBinaryOp.FLOOR_DIV, 7, 2));
		assertEquals(-1, intOp(IrBinaryOp.MOD, -7, 2));
		assertEquals(1, intOp(IrBinaryOp.MOD, 7, -2));
	}

	@Test
	void integerDivisionByZeroIsASimulationError() {
		SimulationError error = assertThrows(SimulationError.class, () -> intOp(IrBinaryOp.DIV, 1, 0));
		assertEquals("division by zero", error.getMessage());
	}

	@Test
	void fixedShiftWrapsInTheOperandTypeThenConverts() throws SimulationError {
		IrFixedType fixed83 = fixed(8, 3, true);
		Scalar a = Arithmetic.convert(Scalar.of(5.375), fixed83);
		Scalar left = Arithmetic.binary(IrBinaryOp.SHL, a, Scalar.of(2), fixed83);
		Scalar right = Arithmetic.binary(IrBinaryOp.SHR, a, Scalar.of(2), fixed83);
		IrFixedType fixed2510 = fixed(25, 10, true);
		assertEquals(-10.5, Arithmetic.convert(left, fixed2510).toDouble());
		assertEquals(1.25, Arithmetic.convert(right, fixed2510).toDouble());
	}

	@Test
	void fixedPointTruncatesTowardMinusInfinityAndWraps() throws SimulationError {
		IrFixedType fixed83 = fixed(8, 3, true);
		assertEquals(-0.125, Arithmetic.convert(Scalar.of(-0.1), fixed83).toDouble());
		assertEquals(0.0, Arithmetic.convert(Scalar.of(0.1), fixed83).toDouble());
		assertEquals(-16.0, Arithmetic.convert(Scalar.of(16.0), fixed83).toDouble());
		assertEquals(0.5, Arithmetic.convert(Scalar.of(0.5625), fixed(8, 1, false)).toDouble());
		Scalar product = Arithmetic.binary(IrBinaryOp.MUL, Arithmetic.convert(Scalar.of(1.5), fixed83),
				Arithmetic.convert(Scalar.of(-2.25), fixed83), fixed(16, 6, true));
		assertEquals(-3.375, product.toDouble());
		Scalar quotient = Arithmetic.binary(IrBinaryOp.DIV, Arithmetic.convert(Scalar.of(1.0), fixed83),
				Arithmetic.convert(Scalar.of(3.0), fixed83), fixed83);
		assertEquals(0.25, quotient.toDouble());
	}

	@Test
	void fixedToIntegerTruncatesTowardZero() throws SimulationError {
		IrFixedType fixed83 = fixed(8, 3, true);
		assertEquals(-2, longOf(Arithmetic.convert(Arithmetic.convert(Scalar.of(-2.5), fixed83), int32())));
		assertEquals(2, longOf(Arithmetic.convert(Arithmetic.convert(Scalar.of(2.875), fixed83), int32())));
		assertEquals(-2, longOf(Arithmetic.convert(Scalar.of(-2.9), int32())));
	}

	@Test
	void bitSlicesCountFromTheLeastSignificantBit() throws SimulationError {
		Scalar word = Arithmetic.convert(Scalar.of(0xABCD0123L), intType(32, false));
		assertEquals(0xA, longOf(Arithmetic.bitSlice(word, 28, 32, intType(4, false))));
		assertEquals(0x23, longOf(Arithmetic.bitSlice(word, 0, 8, intType(8, false))));
		assertEquals(1, longOf(Arithmetic.bitSlice(word, 0, 1, intType(1, false))));
		assertEquals(0, longOf(Arithmetic.bitSlice(word, 2, 3, intType(1, false))));
	}

	@Test
	void invertAndNegateWrap() throws SimulationError {
		assertEquals(0xF0, longOf(Arithmetic.unary(IrUnaryOp.INVERT, Scalar.of(0x0F), intType(8, false))));
		assertEquals(-128, longOf(Arithmetic.unary(IrUnaryOp.NEG, Scalar.of(-128), intType(8, true))));
	}

	@Test
	void float16RoundsToNearestEvenAndOverflowsToInfinity() {
		assertEquals(0.333251953125, FloatRounding.round(1.0 / 3.0, IrFloatKind.F16));
		assertEquals(Double.POSITIVE_INFINITY, FloatRounding.round(65520.0, IrFloatKind.F16));
		assertEquals(65504.0, FloatRounding.round(65519.0, IrFloatKind.F16));
		assertEquals(Math.scalb(1.0, -24), FloatRounding.round(Math.scalb(1.0, -24) * 1.4, IrFloatKind.F16));
		assertEquals(0.0, FloatRounding.round(Math.scalb(1.0, -26), IrFloatKind.F16));
	}

	@Test
	void bfloat16KeepsEightSignificantBits() {
		assertEquals(1.0, FloatRounding.round(1.00390625, IrFloatKind.BF16));
		assertEquals(1.015625, FloatRounding.round(1.01171875, IrFloatKind.BF16));
		assertEquals(0.333984375, FloatRounding.round(1.0 / 3.0, IrFloatKind.BF16));
	}

	@Test
	void floatArithmeticRoundsEveryResultToItsFormat() throws SimulationError {
		IrType f32 = floatType(IrFloatKind.F32);
		Scalar sum = Arithmetic.binary(IrBinaryOp.ADD, Scalar.of(0.1), Scalar.of(0.2), f32);
		assertEquals(0.30000001192092896, sum.toDouble());
		IrType f16 = floatType(IrFloatKind.F16);
		Scalar big = Arithmetic.binary(IrBinaryOp.ADD, Scalar.of(2048.0), Scalar.of(1.0), f16);
		assertEquals(2048.0, big.toDouble());
	}

	private static long intOp(IrBinaryOp op, long a, long b) throws SimulationError {
		return longOf(Arithmetic.binary(op, Scalar.of(a), Scalar.of(b), int32()));
	}

	private static long longOf(Scalar scalar) {
		Scalar.Exact exact = (Scalar.Exact) scalar;
		assertEquals(0, exact.fracs());
		return exact.raw().longValueExact();
	}
}
