package org.allo.lang.tests.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.allo.codegen.CodegenException;
import org.allo.codegen.kernel.KernelEmitter;
import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrStreamGet;
import org.allo.lang.ir.IrStreamPut;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.builder.IrNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local FIFO (the language lowers streams only with dataflow regions, issue #7, so the IR is built here):
 * the C++ model declares {@code hls::stream<T>} with a {@code stream} pragma, and C simulation through the
 * workbench's hls_stream.h matches the interpreter.
 */
class StreamKernelTest {

	private static final IrFactory IR = IrFactory.eINSTANCE;

	@TempDir
	Path temp;

	/**
	 * relay(A: int32[4]) -> int32[4]: put A[i] * 3 into a FIFO of depth 2, then get the values out in order
	 * (consumeFirst: get them before they are put).
	 */
	private static IrModule relay(boolean consumeFirst) {
		IrBuffer a = IrNodes.buffer("A", IrNodes.tensor(IrNodes.int32(), 4));
		IrBuffer b = IrNodes.buffer("B", IrNodes.tensor(IrNodes.int32(), 4));
		IrStreamType fifoType = IR.createIrStreamType();
		fifoType.setElement(IrNodes.int32());
		fifoType.setDepth(2);
		IrBuffer fifo = IrNodes.buffer("fifo", fifoType);
		IrAlloc fifoAlloc = IR.createIrAlloc();
		fifoAlloc.setBuffer(fifo);
		IrAlloc bAlloc = IR.createIrAlloc();
		bAlloc.setBuffer(b);
		bAlloc.setInit(IrNodes.constant(0, IrNodes.int32()));

		IrVar i = IrNodes.var("i", IR.createIrIndexType());
		IrStreamPut put = IR.createIrStreamPut();
		put.setStream(fifo);
		put.setValue(IrNodes.cast(IrNodes.binary(IrBinaryOp.MUL, IrNodes.cast(IrNodes.load(a, IrNodes.ref(i)),
				IrNodes.intType(64, true)), IrNodes.constant(3, IrNodes.intType(64, true)), IrNodes.intType(64, true)), IrNodes.int32()));
		IrFor produce = IrNodes.loop(i, 4, put);

		IrVar j = IrNodes.var("j", IR.createIrIndexType());
		IrStreamGet get = IR.createIrStreamGet();
		get.setStream(fifo);
		get.setType(IrNodes.int32());
		IrFor consume = IrNodes.loop(j, 4, IrNodes.store(0, b, get, IrNodes.ref(j)));

		IrFunction function = IrNodes.function("relay", List.of(a), IrNodes.tensor(IrNodes.int32(), 4), fifoAlloc, bAlloc,
				consumeFirst ? consume : produce, consumeFirst ? produce : consume, IrNodes.ret(IrNodes.load(b)));
		function.setTop(true);
		return IrNodes.module(function);
	}

	@Test
	void aLocalStreamIsAnHlsStreamWithItsDepth() {
		String kernel = KernelEmitter.emit(relay(false)).kernelCpp();
		assertTrue(kernel.contains("  hls::stream<int32_t> fifo(\"fifo\");\n  #pragma HLS stream variable=fifo depth=2\n"), kernel);
		assertTrue(kernel.contains("fifo.write((int32_t)((int64_t)A_buf[i] * 3LL));"), kernel);
		assertTrue(kernel.contains("B[j] = fifo.read();"), kernel);
	}

	@Test
	void theStreamKernelSimulatesLikeTheInterpreter() throws Exception {
		CSimulation.Run run = CSimulation.csim(CSimulation.generate(relay(false), temp.resolve("relay.prj")));
		assertEquals(0, run.exitCode(), run.output());
		assertTrue(run.output().contains("TEST PASSED"), run.output());
	}

	/** Depth 0 means the source omitted it and FIFO sizing did not fill it in: no FIFO size to give HLS. */
	@Test
	void aStreamWithoutDepthIsRefusedWithWhatToDo() {
		IrModule module = relay(false);
		for (var contents = module.eAllContents(); contents.hasNext();) {
			if (contents.next() instanceof IrStreamType stream) {
				stream.setDepth(0);
			}
		}
		CodegenException refusal = assertThrows(CodegenException.class, () -> KernelEmitter.emit(module));
		assertEquals("stream 'fifo' has no depth and FIFO sizing could not infer one (allo sim shows why): give it one,"
				+ " Stream[T, depth]", refusal.getMessage());
	}

	/**
	 * A read that no write can ever satisfy stops the C simulation with the stream's name instead of hanging.
	 * The interpreter refuses the design too, so the project's data come from the working relay and only
	 * kernel.cpp is the broken one (same top signature).
	 */
	@Test
	void aReadFromAStreamNobodyWillFillFailsTheSimulation() throws Exception {
		Path project = CSimulation.generate(relay(false), temp.resolve("stuck.prj"));
		Files.writeString(project.resolve("kernel.cpp"), KernelEmitter.emit(relay(true)).kernelCpp());
		CSimulation.Run run = CSimulation.csim(project);
		assertTrue(run.exitCode() != 0, run.output());
		assertTrue(run.output().contains("stream fifo read while empty"), run.output());
		assertFalse(run.output().contains("TEST PASSED"), run.output());
	}
}
