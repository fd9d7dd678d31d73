package org.allo.lang.schedule.passes;

import java.util.ArrayList;
import java.util.List;

import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrIf;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrStreamGet;
import org.allo.lang.ir.IrStreamPut;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrVarRef;
import org.allo.lang.ir.IrWhile;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * What {@code to} checks and rewrites on one side of a FIFO: that an access visits every element once
 * in row-major order, and the array-to-stream rewrite (store to put, load to get).
 */
final class FifoRewrites {

	private FifoRewrites() {
	}

	/** {@code Stream[T, depth]} for an array of {@code T}; depth -1 means one slot per element (Allo's default). */
	static IrStreamType streamOf(IrBuffer array, long depth) {
		IrStreamType stream = IrFactory.eINSTANCE.createIrStreamType();
		stream.setElement(EcoreUtil.copy(((IrTensorType) array.getType()).getElement()));
		long slots = depth == -1 ? IrEdits.elements(IrEdits.shape(array)) : depth;
		stream.setDepth((int) Math.min(slots, Integer.MAX_VALUE));
		return stream;
	}

	/** The buffer becomes the stream; its one store becomes a put and its one element load a get. */
	static void rewrite(IrBuffer buffer, IrStreamType stream, IrStore write, IrLoad read) {
		IrType element = ((IrTensorType) buffer.getType()).getElement();
		buffer.setType(stream);
		buffer.setLayout(null);
		if (write != null) {
			toPut(write, 0);
		}
		if (read != null) {
			toGet(read, element, 0);
		}
	}

	/** A store into a stream (array) becomes a put into the FIFO its first {@code channelRank} indices select. */
	static void toPut(IrStore write, int channelRank) {
		IrStreamPut put = IrFactory.eINSTANCE.createIrStreamPut();
		put.setLine(write.getLine());
		put.setStream(write.getBuffer());
		put.getIndices().addAll(new ArrayList<>(write.getIndices().subList(0, channelRank)));
		put.setValue(write.getValue());
		EcoreUtil.replace(write, put);
	}

	/** A load from a stream (array) becomes a get from the FIFO its first {@code channelRank} indices select. */
	static void toGet(IrLoad read, IrType element, int channelRank) {
		IrStreamGet get = IrFactory.eINSTANCE.createIrStreamGet();
		get.setStream(read.getBuffer());
		get.getIndices().addAll(new ArrayList<>(read.getIndices().subList(0, channelRank)));
		get.setType(EcoreUtil.copy(element));
		EcoreUtil.replace(read, get);
	}

	/**
	 * The outermost loop of the nest around an access whose indices are exactly its loop variables,
	 * outermost first, each over the whole dimension with no condition around: the access visits
	 * every element once, in row-major order.
	 */
	static IrFor inOrder(PassContext context, IrBuffer target, EObject access, List<IrExpr> indices) throws ScheduleError {
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
}
