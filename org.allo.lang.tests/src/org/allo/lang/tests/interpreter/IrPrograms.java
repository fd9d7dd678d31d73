package org.allo.lang.tests.interpreter;

import static org.allo.lang.ir.builder.IrNodes.assign;
import static org.allo.lang.ir.builder.IrNodes.binary;
import static org.allo.lang.ir.builder.IrNodes.buffer;
import static org.allo.lang.ir.builder.IrNodes.cast;
import static org.allo.lang.ir.builder.IrNodes.constant;
import static org.allo.lang.ir.builder.IrNodes.declare;
import static org.allo.lang.ir.builder.IrNodes.function;
import static org.allo.lang.ir.builder.IrNodes.int32;
import static org.allo.lang.ir.builder.IrNodes.load;
import static org.allo.lang.ir.builder.IrNodes.loop;
import static org.allo.lang.ir.builder.IrNodes.module;
import static org.allo.lang.ir.builder.IrNodes.ref;
import static org.allo.lang.ir.builder.IrNodes.ret;
import static org.allo.lang.ir.builder.IrNodes.var;

import java.util.List;

import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrAssign;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrEval;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrIndexType;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrStreamGet;
import org.allo.lang.ir.IrStreamPut;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrVar;

/** Hand-built IR programs shared by the interpreter's and fast mode's tests. */
public final class IrPrograms {

	private static final IrFactory IR = IrFactory.eINSTANCE;

	private IrPrograms() {
	}

	/** producer puts 3, 6, 9, 12 into a stream; top gets {@code reads} values from it and sums them. */
	public static IrModule streamProgram(int reads) {
		IrStreamType streamType = IR.createIrStreamType();
		streamType.setElement(int32());
		streamType.setDepth(4);
		IrBuffer param = buffer("q", streamType);
		IrVar i = var("i", index());
		IrStreamPut put = IR.createIrStreamPut();
		put.setStream(param);
		put.setValue(cast(binary(IrBinaryOp.MUL, binary(IrBinaryOp.ADD, ref(i), constant(1, index()), index()),
				constant(3, index()), index()), int32()));
		IrFunction producer = function("producer", List.of(param), null, loop(i, 4, put));
		IrBuffer local = buffer("fifo", streamType);
		IrAlloc alloc = IR.createIrAlloc();
		alloc.setBuffer(local);
		IrCall call = IR.createIrCall();
		call.setFunction(producer);
		call.getArgs().add(load(local));
		call.setType(int32());
		IrEval eval = IR.createIrEval();
		eval.setExpr(call);
		IrVar sum = var("sum", int32());
		IrVar j = var("j", index());
		IrStreamGet get = IR.createIrStreamGet();
		get.setStream(local);
		get.setType(int32());
		IrAssign add = assign(sum, binary(IrBinaryOp.ADD, ref(sum), get, int32()));
		add.setLine(9);
		IrFunction top = function("top", List.of(), int32(), alloc, eval, declare(sum, constant(0, int32())),
				loop(j, reads, add), ret(ref(sum)));
		return module(producer, top);
	}

	private static IrIndexType index() {
		return IR.createIrIndexType();
	}
}
