package org.allo.lang.schedule.passes;

import java.util.List;

import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrIf;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrStreamGet;
import org.allo.lang.ir.IrStreamPut;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrVarRef;
import org.allo.lang.ir.IrWhile;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * {@code to(target, dst, axis=None, depth=-1)}: a local array becomes a FIFO from the loop nest
 * that writes it to the band {@code dst} that reads it (the paper's relay). Only the form whose
 * meaning a FIFO keeps is accepted: one writing statement and one reading statement, each in a
 * loop nest that visits every element exactly once in row-major order (indices = the loop
 * variables, unconditional), the writer first. Then the reads get the elements in the order they
 * were written, and a sequential run (unbounded FIFOs) computes what the array did. Streams between
 * kernels and the systolic form with {@code axis} need the dataflow simulation (issue 7) and are
 * refused as not supported yet.
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
		if (context.argument("axis").isPresent()) {
			throw context.error(context.location("axis"), IssueCodes.SCHEDULE_UNSUPPORTED, "to(..., axis=...) between unfolded processing elements"
					+ " needs the dataflow simulation, which is not supported yet (issue 7); remove this step to simulate the schedule");
		}
		if (!(target.eContainer() instanceof IrAlloc) || !(target.getType() instanceof IrTensorType tensor)) {
			throw context.error(context.location("target"), IssueCodes.SCHEDULE_STREAM, "cannot stream " + target.getName()
					+ ": only a local array of the kernel can become a FIFO (a stream into another kernel is not supported yet, issue 7)");
		}
		long count = IrEdits.elements(IrEdits.shape(target));
		long depth = context.integer("depth", -1);
		if (depth == 0 || depth < -1) {
			throw context.error(context.location("depth"), IssueCodes.SCHEDULE_FACTOR, "the FIFO depth must be at least 1 (or -1 for one slot per element), not " + depth);
		}
		List<IrStore> writes = IrEdits.stores(IrEdits.functionOf(target), target);
		List<IrLoad> reads = IrEdits.loads(IrEdits.functionOf(target), target);
		for (IrLoad whole : reads) {
			if (whole.getIndices().isEmpty()) {
				throw context.error(context.step().call(), IssueCodes.SCHEDULE_STREAM, "cannot stream " + target.getName() + ": line "
						+ IrEdits.lineOf(whole) + " uses it whole (a call argument or a returned value), which a FIFO cannot stand for");
			}
		}
		if (writes.size() != 1 || reads.size() != 1) {
			throw context.error(context.step().call(), IssueCodes.SCHEDULE_STREAM, "cannot stream " + target.getName() + ": it has " + writes.size()
					+ " writing and " + reads.size() + " reading accesses; a FIFO needs exactly one producer and one consumer");
		}
		IrStore write = writes.get(0);
		IrLoad read = reads.get(0);
		IrFor writer = inOrder(context, target, write, write.getIndices());
		IrFor reader = inOrder(context, target, read, read.getIndices());
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
		IrStreamType stream = IrFactory.eINSTANCE.createIrStreamType();
		stream.setElement(EcoreUtil.copy(tensor.getElement()));
		stream.setDepth((int) Math.min(depth == -1 ? count : depth, Integer.MAX_VALUE));
		target.setType(stream);
		target.setLayout(null);
		((IrAlloc) target.eContainer()).setInit(null);
		IrStreamPut put = IrFactory.eINSTANCE.createIrStreamPut();
		put.setLine(write.getLine());
		put.setStream(target);
		put.setValue(write.getValue());
		EcoreUtil.replace(write, put);
		IrStreamGet get = IrFactory.eINSTANCE.createIrStreamGet();
		get.setStream(target);
		get.setType(EcoreUtil.copy(tensor.getElement()));
		EcoreUtil.replace(read, get);
		return StepResult.NONE;
	}

	/**
	 * The outermost loop of the nest around an access whose indices are exactly its loop variables,
	 * outermost first, each over the whole dimension with no condition around: the access visits
	 * every element once, in row-major order.
	 */
	private static IrFor inOrder(PassContext context, IrBuffer target, EObject access, List<IrExpr> indices) throws ScheduleError {
		long[] shape = IrEdits.shape(target);
		List<IrFor> loops = IrEdits.enclosingLoops(access);
		boolean ordered = loops.size() == shape.length;
		for (int d = 0; ordered && d < shape.length; d++) {
			IrFor loop = loops.get(d);
			ordered = indices.get(d) instanceof IrVarRef ref && ref.getVar() == loop.getVar() && Long.valueOf(0).equals(IrEdits.constantOf(loop.getLower()))
					&& Long.valueOf(shape[d]).equals(IrEdits.tripCount(loop)) && loop.getStep() == 1;
		}
		for (EObject at = access.eContainer(); ordered && at != null && !(at instanceof IrFunction); at = at.eContainer()) {
			ordered = !(at instanceof IrIf || at instanceof IrWhile);
		}
		if (!ordered) {
			throw context.error(context.step().call(), IssueCodes.SCHEDULE_STREAM, "cannot stream " + target.getName() + ": "
					+ IrEdits.describe(access) + " does not visit each element once in row-major order (its indices must be the loop"
					+ " variables around it, outermost first, each over the whole dimension, with no condition), so a FIFO would"
					+ " deliver the elements in another order");
		}
		return loops.isEmpty() ? null : loops.get(0);
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
