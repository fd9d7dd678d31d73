package org.allo.lang.tests.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.allo.lang.interpreter.Arithmetic;
import org.allo.lang.interpreter.FloatRounding;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.SimulationError;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrFloatKind;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.builder.IrNodes;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Java's int, byte and float arithmetic are independent oracles for C's int32, int8 and float32. */
class ArithmeticPropertyTest {

	private static final IrType INT32 = IrNodes.int32();
	private static final IrType INT8 = IrNodes.intType(8, true);

	@Property
	void int32MatchesJavaInt(@ForAll int a, @ForAll int b) throws SimulationError {
		assertEquals(a + b, exact(IrBinaryOp.ADD, a, b, INT32));
		assertEquals(a - b, exact(IrBinaryOp.SUB, a, b, INT32));
		assertEquals(a * b, exact(IrBinaryOp.MUL, a, b, INT32));
		assertEquals(a & b, exact(IrBinaryOp.BIT_AND, a, b, INT32));
		assertEquals(a ^ b, exact(IrBinaryOp.BIT_XOR, a, b, INT32));
		assertEquals(a >> (b & 31), exact(IrBinaryOp.SHR, a, b & 31, INT32));
		assertEquals(a << (b & 31), exact(IrBinaryOp.SHL, a, b & 31, INT32));
		Assume.that(b != 0);
		assertEquals(a / b, exact(IrBinaryOp.DIV, a, b, INT32));
		assertEquals(a % b, exact(IrBinaryOp.MOD, a, b, INT32));
		assertEquals(Math.floorDiv(a, b), exact(IrBinaryOp.FLOOR_DIV, a, b, INT32));
	}

	@Property
	void int8WrapsLikeAByteCast(@ForAll int a, @ForAll int b) throws SimulationError {
		assertEquals((byte) (a * b), exact(IrBinaryOp.MUL, a, b, INT8));
		assertEquals((byte) (a + b), exact(IrBinaryOp.ADD, a, b, INT8));
	}

	@Property
	void float32RoundingMatchesJavaFloat(@ForAll float a, @ForAll float b) {
		assertEquals((double) (a * b), FloatRounding.round((double) a * b, IrFloatKind.F32));
		assertEquals((double) (a + b), FloatRounding.round((double) a + b, IrFloatKind.F32));
	}

	@Property
	void float16RoundingIsIdempotentAndMonotone(@ForAll double a, @ForAll double b) {
		double ra = FloatRounding.round(a, IrFloatKind.F16);
		assertEquals(ra, FloatRounding.round(ra, IrFloatKind.F16));
		if (a <= b) {
			double rb = FloatRounding.round(b, IrFloatKind.F16);
			assertEquals(true, ra <= rb || Double.isNaN(a) || Double.isNaN(b));
		}
	}

	private static long exact(IrBinaryOp op, long a, long b, IrType type) throws SimulationError {
		return ((Scalar.Exact) Arithmetic.binary(op, Scalar.of(a), Scalar.of(b), type)).toLong();
	}
}
