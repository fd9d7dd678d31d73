package org.allo.lang.tests.interpreter;

import static org.allo.lang.ir.builder.IrNodes.assign;
import static org.allo.lang.ir.builder.IrNodes.binary;
import static org.allo.lang.ir.builder.IrNodes.bool;
import static org.allo.lang.ir.builder.IrNodes.buffer;
import static org.allo.lang.ir.builder.IrNodes.cast;
import static org.allo.lang.ir.builder.IrNodes.constant;
import static org.allo.lang.ir.builder.IrNodes.declare;
import static org.allo.lang.ir.builder.IrNodes.fixed;
import static org.allo.lang.ir.builder.IrNodes.floatType;
import static org.allo.lang.ir.builder.IrNodes.function;
import static org.allo.lang.ir.builder.IrNodes.int32;
import static org.allo.lang.ir.builder.IrNodes.intType;
import static org.allo.lang.ir.builder.IrNodes.load;
import static org.allo.lang.ir.builder.IrNodes.loop;
import static org.allo.lang.ir.builder.IrNodes.module;
import static org.allo.lang.ir.builder.IrNodes.real;
import static org.allo.lang.ir.builder.IrNodes.ref;
import static org.allo.lang.ir.builder.IrNodes.ret;
import static org.allo.lang.ir.builder.IrNodes.store;
import static org.allo.lang.ir.builder.IrNodes.tensor;
import static org.allo.lang.ir.builder.IrNodes.var;
import static org.allo.lang.ir.builder.IrNodes.whileLoop;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;

import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.SimulationError;
import org.allo.lang.interpreter.Tensor;
import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrEval;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFloatKind;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrIf;
import org.allo.lang.ir.IrIndexType;
import org.allo.lang.ir.IrMathCall;
import org.allo.lang.ir.IrMathFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrSelect;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.builder.IrNodes;
import org.junit.jupiter.api.Test;

/** Hand-built IR programs run by the interpreter and compared with plain Java or known results. */
class InterpreterTest {

	private static final IrFactory IR = IrFactory.eINSTANCE;
	private static final long[] SQUARE = { 4, 4 };

	/** The 4x4 matrix product without overflow: what a wide enough accumulator computes. */
	private static long[] exactProduct(long[] a, long[] b) {
		long[] product = new long[16];
		for (int i = 0; i < 4; i++) {
			for (int j = 0; j < 4; j++) {
				for (int k = 0; k < 4; k++) {
					product[i * 4 + j] += a[i * 4 + k] * b[k * 4 + j];
				}
			}
		}
		return product;
	}

	@Test
	void int32GemmMatchesAJavaTripleLoop() throws SimulationError {
		Random random = new Random(42);
		int[] a = random.ints(16).toArray();
		int[] b = random.ints(16).toArray();
		List<Object> results = new Interpreter(gemm(int32(), intType(64, true), intType(65, true), int32()))
				.call("gemm", Tensor.ofLongs(SQUARE, widen(a)), Tensor.ofLongs(SQUARE, widen(b)));
		int[] expected = new int[16];
		for (int i = 0; i < 4; i++) {
			for (int j = 0; j < 4; j++) {
				for (int k = 0; k < 4; k++) {
					expected[i * 4 + j] += a[i * 4 + k] * b[k * 4 + j];
				}
			}
		}
		assertArrayEquals(widen(expected), ((Tensor) results.get(0)).toLongs());
	}

	@Test
	void narrowIntegerGemmIsExactInItsWidenedType() throws SimulationError {
		Random random = new Random(7);
		long[] a = random.longs(16, -16, 16).toArray();
		long[] b = random.longs(16, -16, 16).toArray();
		IrType int14 = intType(14, true);
		List<Object> results = new Interpreter(gemm(intType(5, true), intType(10, true), int14, int14))
				.call("gemm", Tensor.ofLongs(SQUARE, a), Tensor.ofLongs(SQUARE, b));
		assertArrayEquals(exactProduct(a, b), ((Tensor) results.get(0)).toLongs());
	}

	@Test
	void whileLoopRunsUntilItsConditionFails() throws SimulationError {
		IrVar n = var("n", int32());
		IrVar count = var("count", int32());
		IrSelect next = IR.createIrSelect();
		next.setCondition(binary(IrBinaryOp.EQ, binary(IrBinaryOp.MOD, ref(n), constant(2, int32()), int32()),
				constant(0, int32()), bool()));
		next.setWhenTrue(binary(IrBinaryOp.DIV, ref(n), constant(2, int32()), int32()));
		next.setWhenFalse(binary(IrBinaryOp.ADD, binary(IrBinaryOp.MUL, ref(n), constant(3, int32()), int32()),
				constant(1, int32()), int32()));
		next.setType(int32());
		IrFunction collatz = function("collatz", List.of(n), int32(),
				declare(count, constant(0, int32())),
				whileLoop(3, binary(IrBinaryOp.NE, ref(n), constant(1, int32()), bool()),
						assign(n, next),
						assign(count, binary(IrBinaryOp.ADD, ref(count), constant(1, int32()), int32()))),
				ret(ref(count)));
		Interpreter interpreter = new Interpreter(module(collatz));
		assertEquals(111, value(interpreter.call("collatz", Scalar.of(27))));
		assertEquals(0, value(interpreter.call("collatz", Scalar.of(1))));
	}

	@Test
	void statefulGlobalPersistsAcrossCalls() throws SimulationError {
		IrBuffer acc = buffer("acc", int32());
		acc.setStateful(true);
		IrVar x = var("x", int32());
		IrFunction accumulate = function("accumulate", List.of(x), int32(),
				store(2, acc, binary(IrBinaryOp.ADD, load(acc), ref(x), int32())),
				ret(load(acc)));
		IrModule module = module(accumulate);
		module.getGlobals().add(acc);
		Interpreter interpreter = new Interpreter(module);
		assertEquals(5, value(interpreter.call("accumulate", Scalar.of(5))));
		assertEquals(15, value(interpreter.call("accumulate", Scalar.of(10))));
		assertEquals(18, value(interpreter.call("accumulate", Scalar.of(3))));
		assertEquals(3, value(new Interpreter(module).call("accumulate", Scalar.of(3))));
	}

	@Test
	void arraysArePassedByReference() throws SimulationError {
		IrBuffer target = buffer("A", tensor(int32(), 4));
		IrVar i = var("i", IR.createIrIndexType());
		IrFunction fill = function("fill", List.of(target), null,
				loop(i, 4, store(2, target, cast(binary(IrBinaryOp.MUL, ref(i), ref(i), IR.createIrIndexType()), int32()),
						ref(i))));
		IrBuffer local = buffer("B", tensor(int32(), 4));
		IrAlloc alloc = IR.createIrAlloc();
		alloc.setBuffer(local);
		IrCall call = IR.createIrCall();
		call.setFunction(fill);
		call.getArgs().add(load(local));
		call.setType(int32());
		IrEval eval = IR.createIrEval();
		eval.setExpr(call);
		IrFunction top = function("top", List.of(), int32(), alloc, eval, ret(load(local, constant(3, index()))));
		assertEquals(9, value(new Interpreter(module(fill, top)).call("top")));
	}

	@Test
	void outOfBoundsStoreReportsLineAndIndices() {
		IrBuffer a = buffer("A", tensor(int32(), 4));
		IrVar i = var("i", index());
		IrFunction writeAll = function("write", List.of(a), null, loop(i, 5, store(7, a, constant(1, int32()), ref(i))));
		SimulationError error = assertThrows(SimulationError.class,
				() -> new Interpreter(module(writeAll)).call("write", Tensor.ofLongs(new long[] { 4 }, 0, 0, 0, 0)));
		assertEquals(7, error.line());
		assertEquals("line 7: index [4] is out of bounds of 'A' with shape [4]", error.describe());
	}

	@Test
	void nonTerminatingWhileIsStoppedByTheStepLimit() {
		IrVar x = var("x", int32());
		IrFunction spin = function("spin", List.of(), int32(), declare(x, constant(0, int32())),
				whileLoop(4, constant(1, bool()), assign(x, binary(IrBinaryOp.ADD, ref(x), constant(1, int32()), int32()))),
				ret(ref(x)));
		SimulationError error = assertThrows(SimulationError.class, () -> new Interpreter(module(spin), 1000).call("spin"));
		assertEquals(4, error.line());
		assertEquals("the program did not finish within 1000 steps; check that every while loop's condition eventually"
				+ " becomes false", error.getMessage());
	}

	@Test
	void fixedGemmWithIntegerInputsIsExact() throws SimulationError {
		Random random = new Random(3);
		long[] a = random.longs(16, -4, 4).toArray();
		long[] b = random.longs(16, -4, 4).toArray();
		List<Object> results = new Interpreter(gemm(fixed(8, 3, true), fixed(16, 6, true), fixed(18, 6, true),
				fixed(16, 2, true))).call("gemm", Tensor.ofLongs(SQUARE, a), Tensor.ofLongs(SQUARE, b));
		assertArrayEquals(exactProduct(a, b), ((Tensor) results.get(0)).toLongs());
	}

	@Test
	void downwardStepLoopReturnsFromInsideAnIf() throws SimulationError {
		IrBuffer a = buffer("A", tensor(int32(), 10));
		IrVar i = var("i", index());
		IrFor down = loop(i, -1);
		down.setLower(constant(9, index()));
		down.setStep(-2);
		IrIf found = IR.createIrIf();
		found.setCondition(binary(IrBinaryOp.GT, load(a, ref(i)), constant(5, int32()), bool()));
		found.setThen(IrNodes.block(ret(cast(ref(i), int32()))));
		down.getBody().getStatements().add(found);
		IrModule module = module(function("lastLarge", List.of(a), int32(), down, ret(constant(-1, int32()))));
		long[] data = { 9, 0, 0, 7, 8, 0, 0, 6, 0, 0 };
		assertEquals(7, value(new Interpreter(module).call("lastLarge", Tensor.ofLongs(new long[] { 10 }, data))));
		long[] none = { 9, 0, 9, 0, 9, 0, 9, 0, 9, 0 };
		assertEquals(-1, value(new Interpreter(module).call("lastLarge", Tensor.ofLongs(new long[] { 10 }, none))));
	}

	@Test
	void statefulLocalAllocationIsInitialisedOnce() throws SimulationError {
		IrBuffer count = buffer("count", int32());
		count.setStateful(true);
		IrAlloc alloc = IR.createIrAlloc();
		alloc.setBuffer(count);
		alloc.setInit(constant(10, int32()));
		IrFunction tick = function("tick", List.of(), int32(), alloc,
				store(2, count, binary(IrBinaryOp.ADD, load(count), constant(1, int32()), int32())), ret(load(count)));
		Interpreter interpreter = new Interpreter(module(tick));
		assertEquals(11, value(interpreter.call("tick")));
		assertEquals(12, value(interpreter.call("tick")));
	}

	@Test
	void float16AccumulationRoundsAfterEveryAddition() throws SimulationError {
		IrType half = floatType(IrFloatKind.F16);
		IrVar sum = var("sum", half);
		IrVar i = var("i", index());
		IrFunction accumulate = function("accumulate", List.of(), half, declare(sum, real(2048.0, half)),
				loop(i, 8, assign(sum, binary(IrBinaryOp.ADD, ref(sum), real(1.0, half), half))), ret(ref(sum)));
		List<Object> results = new Interpreter(module(accumulate)).call("accumulate");
		assertEquals(2048.0, ((Scalar) results.get(0)).toDouble());
	}

	@Test
	void mathCallsRoundToTheCallType() throws SimulationError {
		IrType f32 = floatType(IrFloatKind.F32);
		IrMathCall sqrt = IR.createIrMathCall();
		sqrt.setFunction(IrMathFunction.SQRT);
		sqrt.getArgs().add(real(2.0, f32));
		sqrt.setType(f32);
		List<Object> results = new Interpreter(module(function("root", List.of(), f32, ret(sqrt)))).call("root");
		assertEquals(1.41421353816986083984375, ((Scalar) results.get(0)).toDouble());
	}

	@Test
	void streamsPassValuesInOrderBetweenFunctions() throws SimulationError {
		assertEquals(30, value(new Interpreter(IrPrograms.streamProgram(4)).call("top")));
	}

	@Test
	void readingAnEmptyStreamReportsTheLine() {
		SimulationError error = assertThrows(SimulationError.class, () -> new Interpreter(IrPrograms.streamProgram(5)).call("top"));
		assertEquals(9, error.line());
	}

	/** C = sum A*B with the product and sum in the given types, as the lowering types Allo's GEMM. */
	private static IrModule gemm(IrType element, IrType product, IrType sum, IrType out) {
		IrBuffer a = buffer("A", tensor(element, 4, 4));
		IrBuffer b = buffer("B", tensor(element, 4, 4));
		IrBuffer c = buffer("C", tensor(out, 4, 4));
		IrAlloc alloc = IR.createIrAlloc();
		alloc.setBuffer(c);
		alloc.setInit(constant(0, out));
		IrVar i = var("i", index());
		IrVar j = var("j", index());
		IrVar k = var("k", index());
		IrFor nest = loop(i, 4, loop(j, 4, loop(k, 4, store(5, c,
				cast(binary(IrBinaryOp.ADD, load(c, ref(i), ref(j)),
						binary(IrBinaryOp.MUL, load(a, ref(i), ref(k)), load(b, ref(k), ref(j)), product), sum), out),
				ref(i), ref(j)))));
		return module(function("gemm", List.of(a, b), tensor(out, 4, 4), alloc, nest, ret(load(c))));
	}

	private static IrIndexType index() {
		return IR.createIrIndexType();
	}

	private static long[] widen(int[] values) {
		return java.util.Arrays.stream(values).asLongStream().toArray();
	}

	private static long value(List<Object> results) {
		assertEquals(1, results.size());
		return ((Scalar.Exact) results.get(0)).toLong();
	}
}
