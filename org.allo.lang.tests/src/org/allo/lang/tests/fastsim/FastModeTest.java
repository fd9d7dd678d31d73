package org.allo.lang.tests.fastsim;

import static org.allo.lang.ir.builder.IrNodes.binary;
import static org.allo.lang.ir.builder.IrNodes.buffer;
import static org.allo.lang.ir.builder.IrNodes.cast;
import static org.allo.lang.ir.builder.IrNodes.constant;
import static org.allo.lang.ir.builder.IrNodes.fixed;
import static org.allo.lang.ir.builder.IrNodes.floatType;
import static org.allo.lang.ir.builder.IrNodes.function;
import static org.allo.lang.ir.builder.IrNodes.intType;
import static org.allo.lang.ir.builder.IrNodes.loop;
import static org.allo.lang.ir.builder.IrNodes.module;
import static org.allo.lang.ir.builder.IrNodes.ref;
import static org.allo.lang.ir.builder.IrNodes.ret;
import static org.allo.lang.ir.builder.IrNodes.store;
import static org.allo.lang.ir.builder.IrNodes.tensor;
import static org.allo.lang.ir.builder.IrNodes.var;
import static org.allo.lang.ir.builder.IrNodes.whileLoop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.allo.lang.fastsim.FastMode;
import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.Simulator;
import org.allo.lang.interpreter.Tensor;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFloatKind;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrVar;
import org.allo.lang.tests.interpreter.IrPrograms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-built IR where fast mode is most likely to differ from the interpreter: widths, scales, rounding, faults. */
class FastModeTest {

	private static final IrType INDEX = IrFactory.eINSTANCE.createIrIndexType();

	/** f(a, b) = T(W(a) * W(b) + W(a)), with W twice as wide: the product wraps to T's width. */
	private static IrModule wrapKernel(IrType type, IrType wide) {
		IrVar a = var("a", type);
		IrVar b = var("b", type);
		IrExpr product = binary(IrBinaryOp.MUL, cast(ref(a), wide), cast(ref(b), wide), wide);
		IrExpr sum = binary(IrBinaryOp.ADD, product, cast(ref(a), wide), wide);
		IrFunction f = function("f", List.of(a, b), type, ret(cast(sum, type)));
		f.setTop(true);
		return module(f);
	}

	private static List<Scalar> edgeValues(int bits, boolean signed, Random random) {
		BigInteger one = BigInteger.ONE;
		BigInteger min = signed ? one.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
		BigInteger max = signed ? one.shiftLeft(bits - 1).subtract(one) : one.shiftLeft(bits).subtract(one);
		List<Scalar> values = new ArrayList<>(List.of(new Scalar.Exact(min, 0), new Scalar.Exact(max, 0), Scalar.of(0), Scalar.of(1)));
		for (int i = 0; i < 12; i++) {
			values.add(new Scalar.Exact(new BigInteger(bits, random), 0));
		}
		return values;
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 7, 8, 31, 32, 33, 63, 64 })
	void integersWrapAtEveryWidth(int bits) {
		for (boolean signed : new boolean[] { true, false }) {
			if (!signed && bits == 64) {
				continue;
			}
			IrModule module = wrapKernel(intType(bits, signed), intType(2 * bits + 1, true));
			IrFunction f = module.getFunctions().get(0);
			Simulator fast = Engines.compiled(module, Interpreter.DEFAULT_MAX_STEPS);
			Interpreter interpreter = new Interpreter(module);
			List<Scalar> values = edgeValues(bits, signed, new Random(bits));
			for (Scalar a : values) {
				for (Scalar b : values) {
					Engines.assertAgree(interpreter, fast, f, new ArrayList<>(List.of(a, b)));
				}
			}
		}
	}

	@Test
	void int64ProductsWrapThroughIntermediatesWiderThan64Bits() throws Exception {
		IrModule module = wrapKernel(intType(64, true), intType(129, true));
		Simulator fast = Engines.compiled(module, Interpreter.DEFAULT_MAX_STEPS);
		List<Object> results = fast.call(module.getFunctions().get(0), new ArrayList<>(List.of(Scalar.of(Long.MAX_VALUE), Scalar.of(3))));
		assertEquals(Scalar.of(Long.MAX_VALUE * 3 + Long.MAX_VALUE), results.get(0));
	}

	@Test
	void uint64AndWiderValuesInVariablesFallBackWithTheReason() {
		IrModule module = wrapKernel(intType(100, true), intType(201, true));
		FastMode.Choice choice = FastMode.prepare(module, Interpreter.DEFAULT_MAX_STEPS);
		assertFalse(choice.isFast());
		assertEquals("interpreter (fast mode: 'a' of type Int(100): values of that type need more than 64 bits)", choice.describe());
	}

	/** Allo's test_fixed_shift: Fixed(8, 3) 5.375 << 2 is -10.5 (bits shifted out of the width are lost). */
	@Test
	void fixedPointShiftsKeepTheLeftOperandsWidth() throws Exception {
		IrType fixed83 = fixed(8, 3, true);
		IrVar x = var("x", fixed83);
		IrVar n = var("n", intType(8, true));
		IrFunction f = function("f", List.of(x, n), fixed83, ret(binary(IrBinaryOp.SHL, ref(x), ref(n), fixed83)));
		IrModule module = module(f);
		Simulator fast = Engines.compiled(module, Interpreter.DEFAULT_MAX_STEPS);
		List<Object> results = fast.call(f, new ArrayList<>(List.of(Scalar.of(5.375), Scalar.of(2))));
		assertEquals(-10.5, ((Scalar) results.get(0)).toDouble());
		Random random = new Random(7);
		for (int i = 0; i < 200; i++) {
			Engines.assertAgree(new Interpreter(module), fast, f,
					new ArrayList<>(List.of(Engines.randomScalar(fixed83, random, false), Scalar.of(random.nextInt(12) - 2))));
		}
	}

	/**
	 * Every pair of a few fixed, integer and float types: cast, add, multiply, divide, compare. A few
	 * combinations with Fixed(64, 40) need more than 64 bits after alignment and fall back.
	 */
	@Test
	void fixedPointCastsAndArithmeticAgree() {
		int combinations = 0;
		int compiled = 0;
		List<IrType> types = List.of(fixed(8, 3, true), fixed(16, 12, false), fixed(32, 5, true), fixed(64, 40, true), intType(8, true),
				intType(32, false), floatType(IrFloatKind.F32), floatType(IrFloatKind.F64), INDEX);
		Random random = new Random(11);
		for (IrType left : types) {
			for (IrType right : types) {
				for (IrBinaryOp op : List.of(IrBinaryOp.ADD, IrBinaryOp.MUL, IrBinaryOp.DIV, IrBinaryOp.LT, IrBinaryOp.MAX)) {
					IrVar a = var("a", left);
					IrVar b = var("b", right);
					IrType result = types.get(random.nextInt(types.size()));
					IrFunction f = function("f", List.of(a, b), result, ret(cast(binary(op, ref(a), ref(b), result), result)));
					IrModule module = module(f);
					FastMode.Choice choice = FastMode.prepare(module, Interpreter.DEFAULT_MAX_STEPS);
					combinations++;
					if (!choice.isFast()) {
						assertTrue(choice.fallbackReason().endsWith("needs more than 64 bits"), choice.fallbackReason());
						continue;
					}
					compiled++;
					Simulator fast = choice.simulator();
					for (int i = 0; i < 20; i++) {
						Engines.assertAgree(new Interpreter(module), fast, f, new ArrayList<>(List.of(
								Engines.randomScalar(left, random, i % 2 == 0), Engines.randomScalar(right, random, i % 2 == 0))));
					}
				}
			}
		}
		assertTrue(compiled >= combinations * 9 / 10, compiled + " of " + combinations + " compiled");
	}

	@ParameterizedTest
	@ValueSource(strings = { "F16", "BF16" })
	void narrowFloatsRoundLikeTheInterpreter(String kind) throws Exception {
		IrType narrow = floatType(IrFloatKind.valueOf(kind));
		IrType single = floatType(IrFloatKind.F32);
		IrVar a = var("a", single);
		IrVar b = var("b", single);
		IrExpr sum = binary(IrBinaryOp.ADD, cast(ref(a), narrow), binary(IrBinaryOp.MUL, cast(ref(b), narrow), cast(ref(a), narrow), narrow),
				narrow);
		IrFunction f = function("f", List.of(a, b), narrow, ret(sum));
		IrModule module = module(f);
		Simulator fast = Engines.compiled(module, Interpreter.DEFAULT_MAX_STEPS);
		Random random = new Random(kind.hashCode());
		for (int i = 0; i < 2000; i++) {
			double scale = Math.scalb(1.0, random.nextInt(60) - 30);
			Engines.assertAgree(new Interpreter(module), fast, f, new ArrayList<>(List.of(
					Scalar.of((double) (float) (random.nextGaussian() * scale)), Scalar.of((double) (float) (random.nextGaussian() * scale)))));
		}
		List<Object> rounded = fast.call(f, new ArrayList<>(List.of(Scalar.of(1.0 + Math.scalb(1.0, -12)), Scalar.of(0.0))));
		assertEquals(1.0, ((Scalar) rounded.get(0)).toDouble(), "1 + 2^-12 rounds to 1 in both 16-bit formats");
	}

	/** for i in range(5): A[i] = i, on A: int32[4]. */
	private static IrModule outOfBounds() {
		IrType int32 = intType(32, true);
		IrBuffer array = buffer("A", tensor(int32, 4));
		IrVar i = var("i", INDEX);
		IrFunction f = function("f", List.of(array), null, loop(i, 5, store(7, array, cast(ref(i), int32), ref(i))));
		f.setTop(true);
		return module(f);
	}

	@Test
	void outOfBoundsIndicesFailWithTheInterpretersMessage() throws Exception {
		IrModule module = outOfBounds();
		IrFunction f = module.getFunctions().get(0);
		Tensor array = new Tensor(new long[] { 4 }, Scalar.of(0));
		Engines.Outcome outcome = Engines.run(Engines.compiled(module, 1000), f, new ArrayList<>(List.of(array)));
		assertEquals("line 7: index [4] is out of bounds of 'A' with shape [4]", outcome.error());
		Engines.assertAgree(new Interpreter(module), Engines.compiled(module, 1000), f, new ArrayList<>(List.of(array)));
	}

	@Test
	void theStepLimitStopsAnEndlessWhileLoopAtTheSameStatement() {
		IrType int32 = intType(32, true);
		IrVar n = var("n", int32);
		IrFunction f = function("spin", List.of(n), null,
				whileLoop(3, binary(IrBinaryOp.GE, ref(n), constant(0, int32), intType(1, false))));
		IrModule module = module(f);
		for (long limit : new long[] { 1, 2, 3, 1000, 1001 }) {
			Engines.Outcome outcome = Engines.run(Engines.compiled(module, limit), f, new ArrayList<>(List.of(Scalar.of(1))));
			assertEquals("line 3: the program did not finish within " + limit
					+ " steps; check that every while loop's condition eventually becomes false", outcome.error());
			Engines.assertAgree(new Interpreter(module, limit), Engines.compiled(module, limit), f, new ArrayList<>(List.of(Scalar.of(1))));
		}
	}

	/** The loop of {@link #outOfBounds} over 4 elements runs 10 steps: limits below stop it at the same statement. */
	@Test
	void theStepLimitInsideACountedLoopStopsAtTheSameStatement() {
		IrModule module = outOfBounds();
		IrFunction f = module.getFunctions().get(0);
		((IrFor) f.getBody().getStatements().get(0)).setUpper(constant(4, INDEX));
		for (long limit = 1; limit <= 11; limit++) {
			Engines.assertAgree(new Interpreter(module, limit), Engines.compiled(module, limit), f,
					new ArrayList<>(List.of(new Tensor(new long[] { 4 }, Scalar.of(0)))));
		}
	}

	@Test
	void divisionByZeroFailsLikeTheInterpreter() {
		IrType int16 = intType(16, true);
		IrVar a = var("a", int16);
		IrVar b = var("b", int16);
		for (IrBinaryOp op : List.of(IrBinaryOp.DIV, IrBinaryOp.MOD, IrBinaryOp.FLOOR_DIV)) {
			IrFunction f = function("f", List.of(a, b), int16, ret(binary(op, ref(a), ref(b), int16)));
			IrModule module = module(f);
			Engines.Outcome outcome = Engines.run(Engines.compiled(module, 1000), f, new ArrayList<>(List.of(Scalar.of(5), Scalar.of(0))));
			assertEquals("line 0: division by zero", outcome.error());
			Engines.assertAgree(new Interpreter(module), Engines.compiled(module, 1000), f,
					new ArrayList<>(List.of(Scalar.of(-32768), Scalar.of(-1))));
		}
	}

	@Test
	void streamsBetweenFunctionsAgreeIncludingAReadOfAnEmptyStream() throws Exception {
		IrModule module = IrPrograms.streamProgram(4);
		IrFunction top = module.getFunctions().get(1);
		assertEquals(List.of(Scalar.of(30)), Engines.compiled(module, 1000).call(top, new ArrayList<>()));
		Engines.assertAgree(new Interpreter(module), Engines.compiled(module, 1000), top, new ArrayList<>());
		IrModule tooManyReads = IrPrograms.streamProgram(5);
		IrFunction reader = tooManyReads.getFunctions().get(1);
		Engines.Outcome outcome = Engines.run(Engines.compiled(tooManyReads, 1000), reader, new ArrayList<>());
		assertTrue(outcome.error().startsWith("line 9: stream 'fifo' is read while empty"), outcome.error());
		Engines.assertAgree(new Interpreter(tooManyReads), Engines.compiled(tooManyReads, 1000), reader, new ArrayList<>());
	}

	@Test
	void aCountedLoopCountsStepsLikeTheInterpreter() throws Exception {
		IrModule module = outOfBounds();
		IrFunction f = module.getFunctions().get(0);
		((IrFor) f.getBody().getStatements().get(0)).setUpper(constant(4, INDEX));
		Simulator fast = Engines.compiled(module, 1000);
		Tensor array = new Tensor(new long[] { 4 }, Scalar.of(0));
		fast.call(f, new ArrayList<>(List.of(array)));
		assertEquals(1 + 1 + 4 * 2, fast.steps(), "body block, loop, and per iteration the body and its store");
		assertTrue(java.util.Arrays.equals(new long[] { 0, 1, 2, 3 }, array.toLongs()));
	}
}
