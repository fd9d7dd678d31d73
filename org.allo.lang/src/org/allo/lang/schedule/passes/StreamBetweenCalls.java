package org.allo.lang.schedule.passes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * {@code to(B, "consumer")} across kernels (Allo's test_schedule_stream nested and fork/join
 * functions): a local array that its kernel only passes to two calls, the first callee writing it
 * and the second reading it, becomes a FIFO between the two, and the kernel gets {@code dataflow}.
 * Accepted only where the FIFO keeps the meaning: each callee has one access to the parameter,
 * visiting every element once in row-major order, the writing call before the reading call in one
 * block, and each callee called only there (its parameter becomes a stream for every caller).
 */
final class StreamBetweenCalls {

	/** One end of the FIFO: a call, the callee's parameter bound to the array, and its one access. */
	private record End(IrCall call, IrBuffer parameter, IrStore write, IrLoad read) {
		IrFunction callee() {
			return call.getFunction();
		}

		EObject access() {
			return write != null ? write : read;
		}
	}

	private StreamBetweenCalls() {
	}

	/** Whether the array is passed whole to a call, so that a FIFO for it runs between kernels. */
	static boolean passedToCalls(IrBuffer array) {
		return IrEdits.loads(IrEdits.functionOf(array), array).stream().anyMatch(use -> use.getIndices().isEmpty() && use.eContainer() instanceof IrCall);
	}

	static void apply(PassContext context, IrBuffer array, String destination, long depth) throws ScheduleError {
		IrFunction kernel = IrEdits.functionOf(array);
		List<IrLoad> uses = IrEdits.loads(kernel, array);
		List<End> writers = new ArrayList<>();
		List<End> readers = new ArrayList<>();
		List<IrStore> ownWrites = IrEdits.stores(kernel, array);
		if (!ownWrites.isEmpty()) {
			throw refusal(context, array, "kernel '" + kernel.getName() + "' writes it itself (" + IrEdits.describe(ownWrites.get(0))
					+ "); a FIFO between kernels carries only what one call writes to the next");
		}
		for (IrLoad use : uses) {
			if (!use.getIndices().isEmpty() || !(use.eContainer() instanceof IrCall call)) {
				throw refusal(context, array, "kernel '" + kernel.getName() + "' uses it itself at line " + IrEdits.lineOf(use)
						+ "; a FIFO between kernels carries only what one call writes to the next");
			}
			End end = end(context, array, call, call.getArgs().indexOf(use));
			(end.write() != null ? writers : readers).add(end);
		}
		if (writers.size() != 1 || readers.size() != 1) {
			throw refusal(context, array, "it is passed to " + writers.size() + " call(s) that write it and " + readers.size()
					+ " that read it; a FIFO needs exactly one producer and one consumer");
		}
		End producer = writers.get(0);
		End consumer = readers.get(0);
		checkOrder(context, array, producer, consumer);
		if (!destination.equals(consumer.callee().getName()) && !destination.equals(consumer.callee().getSourceKernel())) {
			throw context.error(context.location("dst"), IssueCodes.SCHEDULE_STREAM, "'" + destination + "' does not read " + array.getName()
					+ "; its reader is kernel '" + consumer.callee().getSourceKernel() + "' called at line " + IrEdits.lineOf(consumer.call()));
		}
		Map<IrFunction, Integer> callCounts = callCounts(kernel);
		for (End end : List.of(producer, consumer)) {
			checkCalledOnce(context, array, end.callee(), callCounts);
			FifoRewrites.inOrder(context, end.parameter(), end.access(), IrEdits.indicesOf(end.access()));
		}
		IrStreamType stream = FifoRewrites.streamOf(array, depth);
		((IrAlloc) array.eContainer()).setInit(null);
		for (End end : List.of(producer, consumer)) {
			FifoRewrites.rewrite(end.parameter(), EcoreUtil.copy(stream), end.write(), end.read());
		}
		for (IrLoad use : uses) {
			use.setType(EcoreUtil.copy(stream));
		}
		FifoRewrites.rewrite(array, stream, null, null);
		kernel.setDataflow(true);
	}

	/** The callee's side of one call: the one access to the parameter the array is bound to. */
	private static End end(PassContext context, IrBuffer array, IrCall call, int position) throws ScheduleError {
		IrFunction callee = call.getFunction();
		// the checker has matched the array with an array parameter
		IrBuffer parameter = (IrBuffer) callee.getParams().get(position);
		List<IrStore> writes = IrEdits.stores(callee, parameter);
		List<IrLoad> reads = IrEdits.loads(callee, parameter);
		for (IrLoad whole : reads) {
			if (whole.getIndices().isEmpty()) {
				throw refusal(context, array, "kernel '" + callee.getName() + "' uses its parameter " + parameter.getName() + " whole at line "
						+ IrEdits.lineOf(whole) + " (a call argument or a returned value), which a FIFO cannot stand for");
			}
		}
		if (writes.size() + reads.size() != 1) {
			throw refusal(context, array, "kernel '" + callee.getName() + "' has " + writes.size() + " writing and " + reads.size()
					+ " reading accesses to its parameter " + parameter.getName() + "; each end of a FIFO needs exactly one");
		}
		return new End(call, parameter, writes.isEmpty() ? null : writes.get(0), reads.isEmpty() ? null : reads.get(0));
	}

	private static void checkOrder(PassContext context, IrBuffer array, End producer, End consumer) throws ScheduleError {
		IrStatement writing = statementOf(producer.call());
		IrStatement reading = statementOf(consumer.call());
		EObject block = writing.eContainer();
		if (block != reading.eContainer() || block.eContents().indexOf(writing) >= block.eContents().indexOf(reading)) {
			throw refusal(context, array, "the call that writes it (line " + writing.getLine() + ") must come before the call that reads it (line "
					+ reading.getLine() + ") in one block");
		}
	}

	/** How often each function is called in the module of {@code function}. */
	static Map<IrFunction, Integer> callCounts(IrFunction function) {
		Map<IrFunction, Integer> counts = new HashMap<>();
		EcoreUtil.getAllContents(EcoreUtil.getRootContainer(function), false).forEachRemaining(node -> {
			if (node instanceof IrCall call && call.getFunction() != null) {
				counts.merge(call.getFunction(), 1, Integer::sum);
			}
		});
		return counts;
	}

	/** A callee called elsewhere too would get a stream parameter at those calls as well. */
	static void checkCalledOnce(PassContext context, IrBuffer array, IrFunction callee, Map<IrFunction, Integer> callCounts) throws ScheduleError {
		int calls = callCounts.getOrDefault(callee, 0);
		if (calls != 1) {
			throw refusal(context, array, "kernel '" + callee.getName() + "' is called at " + calls
					+ " places, and its parameter would become a stream at all of them; call it once (or give each call its own instance id)");
		}
	}

	private static IrStatement statementOf(EObject node) {
		EObject current = node;
		while (!(current instanceof IrStatement)) {
			current = current.eContainer();
		}
		return (IrStatement) current;
	}

	private static ScheduleError refusal(PassContext context, IrBuffer array, String why) {
		return context.error(context.step().call(), IssueCodes.SCHEDULE_STREAM, "cannot stream " + array.getName() + " between kernels: " + why);
	}
}
