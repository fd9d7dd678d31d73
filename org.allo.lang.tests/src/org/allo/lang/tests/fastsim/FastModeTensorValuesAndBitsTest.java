package org.allo.lang.tests.fastsim;

import static org.allo.lang.ir.builder.IrNodes.binary;
import static org.allo.lang.ir.builder.IrNodes.buffer;
import static org.allo.lang.ir.builder.IrNodes.constant;
import static org.allo.lang.ir.builder.IrNodes.declare;
import static org.allo.lang.ir.builder.IrNodes.floatType;
import static org.allo.lang.ir.builder.IrNodes.function;
import static org.allo.lang.ir.builder.IrNodes.intType;
import static org.allo.lang.ir.builder.IrNodes.load;
import static org.allo.lang.ir.builder.IrNodes.loop;
import static org.allo.lang.ir.builder.IrNodes.module;
import static org.allo.lang.ir.builder.IrNodes.ref;
import static org.allo.lang.ir.builder.IrNodes.ret;
import static org.allo.lang.ir.builder.IrNodes.store;
import static org.allo.lang.ir.builder.IrNodes.tensor;
import static org.allo.lang.ir.builder.IrNodes.var;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.allo.lang.fastsim.FastMode;
import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.Simulator;
import org.allo.lang.interpreter.Tensor;
import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrDeclare;
import org.allo.lang.ir.IrEval;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFloatKind;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrUnary;
import org.allo.lang.ir.IrUnaryOp;
import org.allo.lang.ir.IrVar;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;

/**
 * The IR the lowering produces beyond element arithmetic: bit reinterpretation (reverse, bitcast), views
 * G[r] passed by reference, tensor copies as initial values and initial values of globals. Fast mode must
 * agree with the interpreter on them, or fall back with the reason.
 */
class FastModeTensorValuesAndBitsTest {

	private static final IrFactory IR = IrFactory.eINSTANCE;
	private static final IrType INDEX = IR.createIrIndexType();
	private static final IrType INT32 = intType(32, true);

	private static IrModule unaryKernel(IrUnaryOp op, IrType operand, IrType result) {
		IrVar a = var("a", operand);
		IrUnary unary = IR.createIrUnary();
		unary.setOp(op);
		unary.setOperand(ref(a));
		unary.setType(EcoreUtil.copy(result));
		IrFunction f = function("f", List.of(a), result, ret(unary));
		f.setTop(true);
		return module(f);
	}

	private static void assertAgreeOnRandomValues(IrModule module, IrType operand) {
		IrFunction f = module.getFunctions().get(0);
		Simulator fast = Engines.compiled(module, Interpreter.DEFAULT_MAX_STEPS);
		Interpreter interpreter = new Interpreter(module);
		Random random = new Random(7);
		for (int i = 0; i < 64; i++) {
			Scalar value = Engines.randomScalar(operand, random, i % 2 == 0);
			Engines.assertAgree(interpreter, fast, f, new ArrayList<>(List.of(value)));
		}
	}

	@Test
	void reverseAgreesAtEveryWidth() {
		for (int bits : new int[] { 1, 7, 8, 13, 32, 63, 64 }) {
			for (boolean signed : bits == 64 ? new boolean[] { true } : new boolean[] { true, false }) {
				IrType type = intType(bits, signed);
				assertAgreeOnRandomValues(unaryKernel(IrUnaryOp.REVERSE, intType(64, true), type), intType(64, true));
				assertAgreeOnRandomValues(unaryKernel(IrUnaryOp.REVERSE, type, type), type);
			}
		}
	}

	@Test
	void reverseOfAByteReversesItsBits() throws Exception {
		IrModule module = unaryKernel(IrUnaryOp.REVERSE, intType(8, false), intType(8, false));
		Simulator fast = Engines.compiled(module, Interpreter.DEFAULT_MAX_STEPS);
		List<Object> results = fast.call(module.getFunctions().get(0), new ArrayList<>(List.of(Scalar.of(0b0000_0110))));
		assertEquals(Scalar.of(0b0110_0000), results.get(0));
	}

	@Test
	void bitcastAgreesBetweenIntegersAndEveryFloatFormat() {
		for (IrFloatKind kind : IrFloatKind.values()) {
			int bits = switch (kind) {
			case F16, BF16 -> 16;
			case F32 -> 32;
			case F64 -> 64;
			};
			IrType real = floatType(kind);
			for (boolean signed : bits == 64 ? new boolean[] { true } : new boolean[] { true, false }) {
				IrType integer = intType(bits, signed);
				assertAgreeOnRandomValues(unaryKernel(IrUnaryOp.BITCAST, integer, real), integer);
				assertAgreeOnRandomValues(unaryKernel(IrUnaryOp.BITCAST, real, integer), real);
			}
		}
		assertAgreeOnRandomValues(unaryKernel(IrUnaryOp.BITCAST, intType(32, true), intType(32, false)), intType(32, true));
	}

	@Test
	void bitcastOfOneFloat32IsItsIeeeBits() throws Exception {
		IrModule module = unaryKernel(IrUnaryOp.BITCAST, floatType(IrFloatKind.F32), INT32);
		Simulator fast = Engines.compiled(module, Interpreter.DEFAULT_MAX_STEPS);
		List<Object> results = fast.call(module.getFunctions().get(0), new ArrayList<>(List.of(Scalar.of(1.0))));
		assertEquals(Scalar.of(0x3f80_0000), results.get(0));
	}

	@Test
	void reverseOfAFloatFallsBackWithTheReason() {
		FastMode.Choice choice = FastMode.prepare(unaryKernel(IrUnaryOp.REVERSE, floatType(IrFloatKind.F32), INT32),
				Interpreter.DEFAULT_MAX_STEPS);
		assertFalse(choice.isFast());
		assertTrue(choice.fallbackReason().contains(".reverse() of a value that is not an integer"), choice.fallbackReason());
	}

	/** negate(v: int32[3]) negates v in place; top(G: int32[2, 3], r: index) calls negate(G[r]) (and, with both, negate(G[r], G)). */
	private static IrModule viewKernel(boolean alsoPassTheWhole) {
		IrBuffer v = buffer("v", tensor(INT32, 3));
		List<IrBuffer> calleeParams = new ArrayList<>(List.of(v));
		if (alsoPassTheWhole) {
			calleeParams.add(buffer("w", tensor(INT32, 2, 3)));
		}
		IrVar j = var("j", INDEX);
		IrUnary negated = IR.createIrUnary();
		negated.setOp(IrUnaryOp.NEG);
		negated.setOperand(load(v, ref(j)));
		negated.setType(EcoreUtil.copy(INT32));
		IrFunction negate = function("negate", calleeParams, null, loop(j, 3, store(3, v, negated, ref(j))));
		IrBuffer g = buffer("G", tensor(INT32, 2, 3));
		IrVar r = var("r", INDEX);
		IrLoad row = load(g, ref(r));
		row.setType(tensor(INT32, 3));
		IrCall call = IR.createIrCall();
		call.setFunction(negate);
		call.getArgs().add(row);
		if (alsoPassTheWhole) {
			call.getArgs().add(load(g));
		}
		IrEval eval = IR.createIrEval();
		eval.setExpr(call);
		eval.setLine(9);
		IrFunction top = function("top", List.of(g, r), null, eval);
		top.setTop(true);
		return module(negate, top);
	}

	private static List<Object> viewArguments(long row) {
		return new ArrayList<>(List.of(Tensor.ofLongs(new long[] { 2, 3 }, 1, 2, 3, 4, 5, 6), Scalar.of(row)));
	}

	@Test
	void aViewPassedToACalleeIsWrittenThroughLikeTheInterpreters() throws Exception {
		IrModule module = viewKernel(false);
		IrFunction top = module.getFunctions().get(1);
		Simulator fast = Engines.compiled(module, Interpreter.DEFAULT_MAX_STEPS);
		List<Object> arguments = viewArguments(1);
		fast.call(top, arguments);
		assertEquals(List.of(1L, 2L, 3L, -4L, -5L, -6L), Arrays.stream(((Tensor) arguments.get(0)).toLongs()).boxed().toList());
		Interpreter interpreter = new Interpreter(module);
		for (long row = -1; row <= 2; row++) {
			Engines.assertAgree(interpreter, fast, top, viewArguments(row));
		}
	}

	@Test
	void aViewOutsideItsTensorFailsWithTheInterpretersMessage() {
		IrModule module = viewKernel(false);
		Simulator fast = Engines.compiled(module, Interpreter.DEFAULT_MAX_STEPS);
		Engines.Outcome outcome = Engines.run(fast, module.getFunctions().get(1), viewArguments(2));
		assertEquals("line 9: index [2] is out of bounds of 'G' with shape [2, 3]", outcome.error());
	}

	@Test
	void aViewPassedWithItsWholeTensorFallsBackWithTheReason() {
		FastMode.Choice choice = FastMode.prepare(viewKernel(true), Interpreter.DEFAULT_MAX_STEPS);
		assertFalse(choice.isFast());
		assertEquals("line 9: a view of 'G' passed to negate where another argument may share its storage", choice.fallbackReason());
	}

	@Test
	void aViewUsedAsAScalarFallsBackWithTheReason() {
		IrBuffer g = buffer("G", tensor(INT32, 2, 3));
		IrLoad row = load(g, constant(0, INDEX));
		row.setType(tensor(INT32, 3));
		IrVar x = var("x", INT32);
		IrDeclare declare = declare(x, row);
		declare.setLine(4);
		IrFunction top = function("top", List.of(g), INT32, declare, ret(ref(x)));
		FastMode.Choice choice = FastMode.prepare(module(top), Interpreter.DEFAULT_MAX_STEPS);
		assertEquals("line 4: a view of 'G' used as a scalar", choice.fallbackReason());
	}

	/** top(A: int32[4]) -> float16[4]: B: float16[4] = A, then B is returned; and a global with an initial value. */
	@Test
	void tensorCopiesConvertEveryElementAndGlobalsStartAtTheirInitialValue() {
		IrBuffer a = buffer("A", tensor(INT32, 4));
		IrBuffer b = buffer("B", tensor(floatType(IrFloatKind.F16), 4));
		IrAlloc copy = IR.createIrAlloc();
		copy.setBuffer(b);
		copy.setInit(load(a));
		IrBuffer counter = buffer("top.n", INT32);
		counter.setStateful(true);
		counter.setInit(constant(7, INT32));
		IrExpr next = binary(IrBinaryOp.ADD, load(counter), constant(1, INT32), INT32);
		IrFunction top = function("top", List.of(a), tensor(floatType(IrFloatKind.F16), 4), copy, store(5, counter, next),
				store(6, b, load(counter), constant(0, INDEX)), ret(load(b)));
		top.setTop(true);
		IrModule module = module(top);
		module.getGlobals().add(counter);
		for (long seed = 1; seed <= 4; seed++) {
			Engines.assertAgree(module, top, seed, 3);
		}
	}
}
