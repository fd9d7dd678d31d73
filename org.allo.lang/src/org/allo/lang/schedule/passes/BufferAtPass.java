package org.allo.lang.schedule.passes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrReturn;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.IrVarRef;
import org.allo.lang.ir.builder.IrNodes;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * {@code buffer_at(target, axis)}: inside each iteration of loop {@code axis}, the part of
 * {@code target} its body touches lives in a local buffer, filled by an init loop at the start of
 * the iteration and written back at its end. Dimensions indexed the same way by every access
 * (by loops around {@code axis}) are fixed; the others are buffered whole. Refused when an access
 * reaches outside the fixed part while another updates it in place (trmm's in-place B): the
 * buffer would return stale values there.
 */
public class BufferAtPass implements SchedulePass {

	@Override
	public String primitive() {
		return "buffer_at";
	}

	@Override
	public StepResult apply(PassContext context) throws ScheduleError {
		IrBuffer target = context.tensor("target");
		IrFor axis = context.loop("axis");
		String axisName = axis.getLoopName();
		long[] shape = IrEdits.shape(target);
		if (!(target.getType() instanceof IrTensorType) || shape.length == 0) {
			throw context.error(context.location("target"), IssueCodes.SCHEDULE_BUFFER_AT,
					"cannot buffer " + target.getName() + ": it is not an array; buffer_at needs a tensor written in the loop nest");
		}
		if (Loops.all(axis.getBody()).isEmpty()) {
			throw context.error(context.location("axis"), IssueCodes.SCHEDULE_BUFFER_AT, "cannot buffer at the innermost loop '" + axisName
					+ "': the buffer would hold one element; buffer at a loop with loops inside it");
		}
		List<EObject> accesses = new ArrayList<>(IrEdits.stores(axis.getBody(), target));
		accesses.addAll(IrEdits.loads(axis.getBody(), target));
		if (accesses.isEmpty()) {
			throw context.error(context.location("target"), IssueCodes.SCHEDULE_BUFFER_AT,
					target.getName() + " is not accessed inside loop '" + axisName + "'; buffer it at a loop that uses it");
		}
		checkWholeUses(context, target, axis, accesses);
		boolean[] free = freeDimensions(context, target, axis, accesses);
		if (freeSizes(shape, free).length == 0) {
			throw context.error(context.location("axis"), IssueCodes.SCHEDULE_BUFFER_AT, "nothing to buffer at '" + axisName
					+ "': inside it every access of " + target.getName() + " is to the one element " + IrEdits.describe(accesses.get(0))
					+ "; buffer at an outer loop, whose inner loops walk a row of " + target.getName());
		}
		IrFunction function = IrEdits.functionOf(axis);
		IrBuffer buffer = IrNodes.buffer(IrEdits.freshBufferName(function, target.getName() + "_buf"),
				IrNodes.tensor(((IrTensorType) target.getType()).getElement(), freeSizes(shape, free)));
		List<IrExpr> fixed = fixedIndices(accesses.get(0), free);
		IrFor init = copyLoops(function, axisName, "_init", shape, free, accesses.get(0), buffer, target, fixed, true);
		IrFor back = copyLoops(function, axisName, "_back", shape, free, accesses.get(0), buffer, target, fixed, false);
		for (EObject access : accesses) {
			redirect(access, buffer, free);
		}
		IrAlloc alloc = IrFactory.eINSTANCE.createIrAlloc();
		alloc.setBuffer(buffer);
		alloc.setLine(axis.getLine());
		IrBlock parent = (IrBlock) axis.eContainer();
		parent.getStatements().add(parent.getStatements().indexOf(axis), alloc);
		axis.getBody().getStatements().add(0, init);
		axis.getBody().getStatements().add(back);
		return StepResult.of(buffer.getName());
	}

	/** A call that receives the whole tensor, or a return inside the loop, would bypass the buffer. */
	private static void checkWholeUses(PassContext context, IrBuffer target, IrFor axis, List<EObject> accesses) throws ScheduleError {
		for (EObject access : accesses) {
			if (IrEdits.indicesOf(access).isEmpty()) {
				throw context.error(context.location("target"), IssueCodes.SCHEDULE_BUFFER_AT, "cannot buffer " + target.getName()
						+ " at '" + axis.getLoopName() + "': line " + IrEdits.lineOf(access)
						+ " passes the whole tensor to a call, which would not see the buffer");
			}
		}
		if (IrEdits.contains(axis.getBody(), IrReturn.class)) {
			throw context.error(context.location("axis"), IssueCodes.SCHEDULE_BUFFER_AT, "cannot buffer at '" + axis.getLoopName()
					+ "': its body returns early, which would skip writing the buffer back");
		}
	}

	/**
	 * Per dimension: true when it is buffered whole (some access indexes it with a loop inside the
	 * axis), false when every access uses the same index fixed by the loops around it.
	 */
	private static boolean[] freeDimensions(PassContext context, IrBuffer target, IrFor axis, List<EObject> accesses) throws ScheduleError {
		int rank = IrEdits.shape(target).length;
		boolean[] free = new boolean[rank];
		Set<IrVar> outer = IrEdits.enclosingLoops(axis).stream().map(IrFor::getVar).collect(Collectors.toSet());
		outer.add(axis.getVar());
		for (int d = 0; d < rank; d++) {
			final int dim = d;
			List<EObject> sliding = accesses.stream().filter(a -> !invariant(IrEdits.indicesOf(a).get(dim), outer)).toList();
			List<EObject> fixed = accesses.stream().filter(a -> invariant(IrEdits.indicesOf(a).get(dim), outer)).toList();
			free[d] = !sliding.isEmpty();
			if (free[d] && !fixed.isEmpty()) {
				throw hazard(context, target, axis, fixed.get(0), sliding.get(0), d);
			}
			for (EObject access : fixed) {
				if (!EcoreUtil.equals(IrEdits.indicesOf(fixed.get(0)).get(d), IrEdits.indicesOf(access).get(d))) {
					throw hazard(context, target, axis, fixed.get(0), access, d);
				}
			}
		}
		return free;
	}

	private static ScheduleError hazard(PassContext context, IrBuffer target, IrFor axis, EObject one, EObject other, int dim) {
		boolean inPlace = one instanceof IrStore || other instanceof IrStore;
		return context.error(context.step().call(), IssueCodes.SCHEDULE_BUFFER_AT, "cannot buffer " + target.getName() + " at '"
				+ axis.getLoopName() + "': " + IrEdits.describe(one) + " and " + IrEdits.describe(other) + " use different rows of dimension "
				+ (dim + 1) + " in one iteration of '" + axis.getLoopName() + "'"
				+ (inPlace ? ", and " + target.getName() + " is updated in place, so the buffer would serve stale values"
						+ " (Allo miscompiles this, e.g. trmm's in-place B)" : "")
				+ "; buffer at a loop inside which every access uses the same fixed indices, or leave " + target.getName() + " unbuffered");
	}

	/** An index the loop body cannot change: only loop variables of the axis and the loops around it, no loads. */
	private static boolean invariant(IrExpr index, Set<IrVar> outer) {
		if (index instanceof IrVarRef ref) {
			return outer.contains(ref.getVar());
		}
		if (index instanceof IrLoad || index instanceof IrCall) {
			return false;
		}
		for (EObject child : index.eContents()) {
			if (child instanceof IrExpr expr && !invariant(expr, outer)) {
				return false;
			}
		}
		return true;
	}

	private static long[] freeSizes(long[] shape, boolean[] free) {
		List<Long> sizes = new ArrayList<>();
		for (int d = 0; d < shape.length; d++) {
			if (free[d]) {
				sizes.add(shape[d]);
			}
		}
		return sizes.stream().mapToLong(Long::longValue).toArray();
	}

	private static List<IrExpr> fixedIndices(EObject access, boolean[] free) {
		List<IrExpr> fixed = new ArrayList<>();
		for (int d = 0; d < free.length; d++) {
			fixed.add(free[d] ? null : IrEdits.indicesOf(access).get(d));
		}
		return fixed;
	}

	/**
	 * The init loops ({@code buf[j] = C[i, j]}) or write-back loops ({@code C[i, j] = buf[j]}) over
	 * the buffered dimensions, named after the loops that index them ({@code j_init}, {@code j_back}).
	 */
	private static IrFor copyLoops(IrFunction function, String axisName, String suffix, long[] shape, boolean[] free, EObject sample,
			IrBuffer buffer, IrBuffer target, List<IrExpr> fixed, boolean fill) {
		List<IrFor> loops = new ArrayList<>();
		List<IrExpr> targetIndices = new ArrayList<>();
		List<IrExpr> bufferIndices = new ArrayList<>();
		for (int d = 0; d < shape.length; d++) {
			if (!free[d]) {
				targetIndices.add(EcoreUtil.copy(fixed.get(d)));
				continue;
			}
			IrExpr index = IrEdits.indicesOf(sample).get(d);
			String base = index instanceof IrVarRef ref ? ref.getVar().getName() : axisName + "_d" + (d + 1);
			IrFor loop = IrEdits.loop(IrEdits.freshLoopName(function, base + suffix), shape[d]);
			loops.add(loop);
			targetIndices.add(IrNodes.ref(loop.getVar()));
			bufferIndices.add(IrNodes.ref(loop.getVar()));
		}
		IrStore copy = fill ? IrNodes.store(0, buffer, IrNodes.load(target, targetIndices.toArray(IrExpr[]::new)), bufferIndices.toArray(IrExpr[]::new))
				: IrNodes.store(0, target, IrNodes.load(buffer, bufferIndices.toArray(IrExpr[]::new)), targetIndices.toArray(IrExpr[]::new));
		loops.get(loops.size() - 1).getBody().getStatements().add(copy);
		for (int i = loops.size() - 1; i > 0; i--) {
			loops.get(i - 1).getBody().getStatements().add(loops.get(i));
		}
		return loops.get(0);
	}

	/** {@code C[i, j]} → {@code buf[j]}: the buffered dimensions' indices, moved. */
	private static void redirect(EObject access, IrBuffer buffer, boolean[] free) {
		List<IrExpr> indices = IrEdits.indicesOf(access);
		List<IrExpr> kept = new ArrayList<>();
		for (int d = 0; d < free.length; d++) {
			if (free[d]) {
				kept.add(indices.get(d));
			}
		}
		indices.clear();
		indices.addAll(kept);
		if (access instanceof IrLoad load) {
			load.setBuffer(buffer);
		} else {
			((IrStore) access).setBuffer(buffer);
		}
	}
}
