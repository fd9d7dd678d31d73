package org.allo.lang.schedule.passes;

import java.util.List;

import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.validation.IssueCodes;

/**
 * {@code to(target, dst, axis=None, depth=-1)}: a local array becomes a FIFO (the paper's relay).
 * Within a kernel, from the loop nest that writes it to the band {@code dst} that reads it: one
 * writing statement and one reading statement, each in a loop nest that visits every element
 * exactly once in row-major order (indices = the loop variables, unconditional), the writer
 * first. Then the reads get the elements in the order they were written, and a sequential run
 * (unbounded FIFOs) computes what the array did. Between kernels (the array is passed to calls) the
 * same holds for the callees' accesses ({@link StreamBetweenCalls}). With {@code axis}, an array of
 * channels between unfolded processing elements becomes an array of FIFOs ({@link SystolicRelay}).
 */
public class ToPass implements SchedulePass {

	@Override
	public String primitive() {
		return "to";
	}

	@Override
	public StepResult apply(PassContext context) throws ScheduleError {
		IrBuffer target = context.tensor("target");
		String destination = context.argument("dst").map(context::referenceText)
				.orElseThrow(() -> context.error(context.step().call(), IssueCodes.SCHEDULE_ARGUMENT, "to needs its 'dst' argument: the band or kernel that reads the stream"));
		if (!(target.eContainer() instanceof IrAlloc) || !(target.getType() instanceof IrTensorType)) {
			throw context.error(context.location("target"), IssueCodes.SCHEDULE_STREAM, "cannot stream " + target.getName()
					+ ": only a local array of a kernel can become a FIFO (a parameter or global is also used by the caller)");
		}
		long depth = context.integer("depth", -1);
		if (depth == 0 || depth < -1) {
			throw context.error(context.location("depth"), IssueCodes.SCHEDULE_FACTOR, "the FIFO depth must be at least 1 (or -1 for one slot per element), not " + depth);
		}
		if (context.argument("axis").isPresent()) {
			SystolicRelay.apply(context, target, depth);
		} else if (StreamBetweenCalls.passedToCalls(target)) {
			StreamBetweenCalls.apply(context, target, destination, depth);
		} else {
			streamWithinKernel(context, target, destination, depth);
		}
		return StepResult.NONE;
	}

	private static void streamWithinKernel(PassContext context, IrBuffer target, String destination, long depth) throws ScheduleError {
		List<IrStore> writes = IrEdits.stores(IrEdits.functionOf(target), target);
		List<IrLoad> reads = IrEdits.loads(IrEdits.functionOf(target), target);
		for (IrLoad whole : reads) {
			if (whole.getIndices().isEmpty()) {
				throw context.error(context.step().call(), IssueCodes.SCHEDULE_STREAM, "cannot stream " + target.getName() + ": line "
						+ IrEdits.lineOf(whole) + " uses it whole (a returned value), which a FIFO cannot stand for");
			}
		}
		if (writes.size() != 1 || reads.size() != 1) {
			throw context.error(context.step().call(), IssueCodes.SCHEDULE_STREAM, "cannot stream " + target.getName() + ": it has " + writes.size()
					+ " writing and " + reads.size() + " reading accesses; a FIFO needs exactly one producer and one consumer");
		}
		IrStore write = writes.get(0);
		IrLoad read = reads.get(0);
		IrFor writer = FifoRewrites.inOrder(context, target, write, write.getIndices());
		IrFor reader = FifoRewrites.inOrder(context, target, read, read.getIndices());
		if (writer == reader || !before(writer, reader)) {
			throw context.error(context.step().call(), IssueCodes.SCHEDULE_STREAM, "cannot stream " + target.getName()
					+ ": the loop nest that writes it (line " + write.getLine() + ") must finish before the one that reads it starts ("
					+ IrEdits.describe(read) + ")");
		}
		if (!destination.equals(reader.getBandName()) && !destination.equals(reader.getLoopName())
				&& !destination.equals(IrEdits.functionOf(target).getSourceKernel())) {
			throw context.error(context.location("dst"), IssueCodes.SCHEDULE_STREAM, "'" + destination + "' does not read " + target.getName()
					+ "; its reader is the loop nest of band '" + reader.getBandName() + "' (" + IrEdits.describe(read) + ")");
		}
		((IrAlloc) target.eContainer()).setInit(null);
		FifoRewrites.rewrite(target, FifoRewrites.streamOf(target, depth), write, read);
	}

	/** Whether statement nest {@code first} ends before {@code second} starts in one block. */
	private static boolean before(IrFor first, IrFor second) {
		if (first == null || second == null || first.eContainer() != second.eContainer()) {
			return false;
		}
		List<IrStatement> statements = ((IrBlock) first.eContainer()).getStatements();
		return statements.indexOf(first) < statements.indexOf(second);
	}
}
