package org.allo.lang.tests.verify;

import static org.allo.lang.ir.builder.IrNodes.binary;
import static org.allo.lang.ir.builder.IrNodes.buffer;
import static org.allo.lang.ir.builder.IrNodes.constant;
import static org.allo.lang.ir.builder.IrNodes.function;
import static org.allo.lang.ir.builder.IrNodes.int32;
import static org.allo.lang.ir.builder.IrNodes.load;
import static org.allo.lang.ir.builder.IrNodes.loop;
import static org.allo.lang.ir.builder.IrNodes.module;
import static org.allo.lang.ir.builder.IrNodes.ref;
import static org.allo.lang.ir.builder.IrNodes.ret;
import static org.allo.lang.ir.builder.IrNodes.store;
import static org.allo.lang.ir.builder.IrNodes.tensor;
import static org.allo.lang.ir.builder.IrNodes.var;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrStreamGet;
import org.allo.lang.ir.IrStreamPut;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrVar;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.verify.EquivalenceChecker;
import org.allo.lang.verify.Verdict;
import org.allo.lang.verify.VerifyOptions;
import org.junit.jupiter.api.Test;

/**
 * Streams are FIFOs of terms: a producer loop putting A[i] * 2 and a consumer loop storing what it
 * gets compute B[i] = A[i] + A[i]; a consumer that stores in reverse does not. (The lowering does
 * not produce streams yet, so these programs are built in the IR directly.)
 */
class StreamVerifyTest {

	private static final IrFactory IR = IrFactory.eINSTANCE;
	private static final int N = 8;

	private static IrType index() {
		return IR.createIrIndexType();
	}

	/** for i: s.put(A[i] * 2); for i: B[position(i)] = s.get(). */
	private static IrModule throughStream(boolean reversed) {
		IrBuffer a = buffer("A", tensor(int32(), N));
		IrBuffer b = buffer("B", tensor(int32(), N));
		IrStreamType streamType = IR.createIrStreamType();
		streamType.setElement(int32());
		streamType.setDepth(2);
		IrBuffer fifo = buffer("s", streamType);
		IrAlloc allocation = IR.createIrAlloc();
		allocation.setBuffer(fifo);
		IrVar i = var("i", index());
		IrStreamPut put = IR.createIrStreamPut();
		put.setStream(fifo);
		put.setValue(binary(IrBinaryOp.MUL, load(a, ref(i)), constant(2, int32()), int32()));
		IrVar j = var("j", index());
		IrStreamGet get = IR.createIrStreamGet();
		get.setStream(fifo);
		get.setType(int32());
		IrExpr position = reversed ? binary(IrBinaryOp.SUB, constant(N - 1, index()), ref(j), index()) : ref(j);
		IrFunction top = function("produce_consume", List.of(a, b), null, allocation, loop(i, N, put),
				loop(j, N, store(1, b, get, position)));
		top.setTop(true);
		return module(top);
	}

	/** for i: B[i] = A[i] + A[i]. */
	private static IrModule direct() {
		IrBuffer a = buffer("A", tensor(int32(), N));
		IrBuffer b = buffer("B", tensor(int32(), N));
		IrVar i = var("i", index());
		IrFunction top = function("twice", List.of(a, b), null,
				loop(i, N, store(1, b, binary(IrBinaryOp.ADD, load(a, ref(i)), load(a, ref(i)), int32()), ref(i))), ret());
		top.setTop(true);
		return module(top);
	}

	private final EquivalenceChecker checker = AlloProject.injector().getInstance(EquivalenceChecker.class);

	@Test
	void aStreamBetweenTwoLoopsIsTransparent() {
		Verdict verdict = checker.compare(direct(), throughStream(false), VerifyOptions.defaults());
		assertEquals(Verdict.Kind.EQUIVALENT, verdict.kind(), verdict.summary());
	}

	@Test
	void readingTheStreamIntoTheWrongPlacesIsCaught() throws Exception {
		IrModule before = direct();
		IrModule after = throughStream(true);
		Verdict verdict = checker.compare(before, after, VerifyOptions.defaults());
		assertEquals(Verdict.Kind.NOT_EQUIVALENT, verdict.kind(), verdict.summary());
		VerifyCorpusTest.assertReproduced(verdict.counterexample(), before, after);
	}
}
