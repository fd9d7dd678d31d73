package org.allo.lang.schedule.passes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrIf;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.builder.IrNodes;
import org.allo.lang.schedule.analysis.AffineForm;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * {@code reuse_at(target, axis)}: the reads of {@code target} inside loop {@code axis} that slide
 * by one element per iteration ({@code A[y + r, x]}) read a reuse buffer instead, which holds the
 * window {@code target[.., axis + m .. axis + M, ..]}: loaded whole at the loop's first iteration,
 * then shifted by one with one new slice loaded per iteration. Chained on its own result it gives
 * the window buffer of a line buffer. Refused when the loop writes the target (an in-place
 * accumulation, allo#370: the window would serve values from before the write) and for reads that
 * do not slide by one.
 */
public class ReuseAtPass implements SchedulePass {

	/**
	 * The window of one read: the dimension that slides, the offsets from the axis it spans over the
	 * loops inside the axis, and the part fixed by the loops around it ({@code 4 * x.outer}).
	 */
	private record Window(int dim, long min, long max, Map<IrVar, Long> around) {
	}

	@Override
	public String primitive() {
		return "reuse_at";
	}

	@Override
	public StepResult apply(PassContext context) throws ScheduleError {
		IrBuffer target = context.tensor("target");
		IrFor axis = context.loop("axis");
		Long lower = IrEdits.constantOf(axis.getLower());
		if (lower == null || IrEdits.tripCount(axis) == null || axis.getStep() != 1) {
			throw context.error(context.location("axis"), IssueCodes.SCHEDULE_REUSE_AT, "loop '" + axis.getLoopName()
					+ "' must have constant bounds and step 1 for reuse_at; split or normalise it first");
		}
		checkNotWritten(context, target, axis);
		List<IrLoad> reads = IrEdits.loads(axis.getBody(), target);
		if (reads.isEmpty()) {
			throw context.error(context.location("target"), IssueCodes.SCHEDULE_REUSE_AT, target.getName() + " is not read inside loop '"
					+ axis.getLoopName() + "'; reuse it along the loop its window slides with");
		}
		Map<IrLoad, AffineForm> offsets = new HashMap<>();
		Window window = null;
		for (IrLoad read : reads) {
			Window own = windowOf(context, target, axis, read, offsets);
			if (window != null && (window.dim() != own.dim() || !window.around().equals(own.around()))) {
				throw context.error(context.location("axis"), IssueCodes.SCHEDULE_REUSE_AT, "cannot find a reuse pattern of " + target.getName()
						+ " along '" + axis.getLoopName() + "': its reads do not share one window (" + IrEdits.describe(read)
						+ " slides in dimension " + (own.dim() + 1) + " from another base than the reads before it)");
			}
			window = window == null ? own : new Window(own.dim(), Math.min(window.min(), own.min()), Math.max(window.max(), own.max()), own.around());
		}
		IrFunction function = IrEdits.functionOf(axis);
		long[] shape = IrEdits.shape(target);
		shape[window.dim()] = window.max() - window.min() + 1;
		IrBuffer buffer = IrNodes.buffer(IrEdits.freshBufferName(function, target.getName() + "_reuse_" + axis.getLoopName().replace('.', '_')),
				IrNodes.tensor(((IrTensorType) target.getType()).getElement(), shape));
		for (IrLoad read : reads) {
			AffineForm offset = offsets.get(read);
			IrExpr index = IrEdits.expressionOf(new AffineForm(offset.constant() - window.min(), offset.coefficients()));
			read.getIndices().set(window.dim(), index);
			read.setBuffer(buffer);
		}
		IrAlloc alloc = IrFactory.eINSTANCE.createIrAlloc();
		alloc.setBuffer(buffer);
		alloc.setLine(axis.getLine());
		IrBlock parent = (IrBlock) axis.eContainer();
		parent.getStatements().add(parent.getStatements().indexOf(axis), alloc);
		axis.getBody().getStatements().add(0, update(function, axis, lower, target, buffer, window));
		return StepResult.of(buffer.getName());
	}

	/** allo#370: a window filled before a write inside the loop would serve the old values. */
	private static void checkNotWritten(PassContext context, IrBuffer target, IrFor axis) throws ScheduleError {
		List<IrStore> writes = IrEdits.stores(axis.getBody(), target);
		if (!writes.isEmpty()) {
			throw context.error(context.step().call(), IssueCodes.SCHEDULE_REUSE_AT, "cannot reuse " + target.getName() + " along '"
					+ axis.getLoopName() + "': " + IrEdits.describe(writes.get(0)) + " writes it inside the loop (an in-place update), so a reuse"
					+ " buffer would serve values from before that write (Allo miscompiles this, allo#370); reuse a tensor the loop only reads");
		}
		for (IrLoad load : IrEdits.loads(axis.getBody(), target)) {
			if (load.getIndices().isEmpty()) {
				throw context.error(context.location("target"), IssueCodes.SCHEDULE_REUSE_AT, "cannot reuse " + target.getName()
						+ " along '" + axis.getLoopName() + "': line " + IrEdits.lineOf(load) + " passes the whole tensor to a call");
			}
		}
	}

	/**
	 * The one dimension of a read indexed {@code axis + e}, where {@code e} depends only on constants
	 * and loops inside the axis with constant bounds; records {@code e} for the rewrite.
	 */
	private static Window windowOf(PassContext context, IrBuffer target, IrFor axis, IrLoad read, Map<IrLoad, AffineForm> offsets)
			throws ScheduleError {
		IrVar var = axis.getVar();
		Window window = null;
		for (int d = 0; d < read.getIndices().size(); d++) {
			IrExpr index = read.getIndices().get(d);
			Optional<AffineForm> affine = AffineForm.of(index, v -> v.eContainer() instanceof IrFor);
			boolean mentions = affine.map(a -> a.coefficient(var) != 0).orElseGet(() -> IrEdits.references(index, var));
			if (!mentions) {
				continue;
			}
			if (affine.isEmpty() || affine.get().coefficient(var) != 1) {
				throw notStencil(context, target, axis, read, "index " + (d + 1) + " does not move by exactly 1 per iteration");
			}
			if (window != null) {
				throw notStencil(context, target, axis, read, "more than one index moves with '" + axis.getLoopName() + "'");
			}
			Map<IrVar, Long> inside = new LinkedHashMap<>();
			Map<IrVar, Long> around = new LinkedHashMap<>();
			List<IrVar> enclosing = IrEdits.enclosingLoops(axis).stream().map(IrFor::getVar).toList();
			affine.get().coefficients().forEach((v, c) -> {
				if (v != var) {
					(enclosing.contains(v) ? around : inside).put(v, c);
				}
			});
			AffineForm offset = new AffineForm(affine.get().constant(), inside);
			long[] range = rangeInside(offset, axis);
			if (range == null) {
				throw notStencil(context, target, axis, read, "its offset from '" + axis.getLoopName()
						+ "' depends on something other than loops around it and constant-bound loops inside it");
			}
			offsets.put(read, offset);
			window = new Window(d, range[0], range[1], around);
		}
		if (window == null) {
			throw notStencil(context, target, axis, read, "it does not move with '" + axis.getLoopName() + "'");
		}
		return window;
	}

	/** The least and greatest value of an offset over the loops inside the axis, or null when it uses other values. */
	private static long[] rangeInside(AffineForm offset, IrFor axis) {
		long min = offset.constant();
		long max = offset.constant();
		List<IrFor> inner = Loops.all(axis.getBody());
		for (Map.Entry<IrVar, Long> term : offset.coefficients().entrySet()) {
			IrFor loop = inner.stream().filter(l -> l.getVar() == term.getKey()).findFirst().orElse(null);
			Long first = loop == null ? null : IrEdits.constantOf(loop.getLower());
			Long trips = loop == null ? null : IrEdits.tripCount(loop);
			if (first == null || trips == null || trips == 0) {
				return null;
			}
			long last = first + (trips - 1) * loop.getStep();
			long c = term.getValue();
			min += Math.min(c * first, c * last);
			max += Math.max(c * first, c * last);
		}
		return new long[] { min, max };
	}

	private static ScheduleError notStencil(PassContext context, IrBuffer target, IrFor axis, IrLoad read, String why) {
		return context.error(context.location("axis"), IssueCodes.SCHEDULE_REUSE_AT, "cannot find a reuse pattern of " + target.getName()
				+ " along '" + axis.getLoopName() + "': in " + IrEdits.describe(read) + " " + why
				+ "; reuse_at needs reads that slide by one element per iteration, such as A[y + r, x]");
	}

	/**
	 * At the start of each iteration: {@code buf[.., w, ..] = target[.., axis + min + w, ..]} on the
	 * first iteration and for the newest slice, else {@code buf[.., w + 1, ..]} (a shift, in
	 * increasing w so that every slice is read before it is overwritten).
	 */
	private static IrFor update(IrFunction function, IrFor axis, long lower, IrBuffer target, IrBuffer buffer, Window window) {
		long[] shape = IrEdits.shape(buffer);
		List<IrFor> loops = new ArrayList<>();
		for (int d = 0; d < shape.length; d++) {
			String base = buffer.getName() + (d == window.dim() ? "_shift" : "_d" + (d + 1));
			loops.add(IrEdits.loop(IrEdits.freshLoopName(function, base), shape[d]));
		}
		List<IrExpr> bufferIndex = loops.stream().<IrExpr>map(l -> IrNodes.ref(l.getVar())).toList();
		IrVar w = loops.get(window.dim()).getVar();
		List<IrExpr> targetIndex = new ArrayList<>(loops.stream().<IrExpr>map(l -> IrNodes.ref(l.getVar())).toList());
		IrExpr base = IrEdits.expressionOf(new AffineForm(window.min(), window.around()));
		targetIndex.set(window.dim(), IrEdits.arith(IrBinaryOp.ADD, IrEdits.arith(IrBinaryOp.ADD, IrNodes.ref(axis.getVar()), base), IrNodes.ref(w)));
		List<IrExpr> nextIndex = new ArrayList<>(loops.stream().<IrExpr>map(l -> IrNodes.ref(l.getVar())).toList());
		nextIndex.set(window.dim(), IrEdits.arith(IrBinaryOp.ADD, IrNodes.ref(w), IrEdits.index(1)));
		IrIf choose = IrFactory.eINSTANCE.createIrIf();
		choose.setCondition(IrNodes.binary(IrBinaryOp.OR,
				IrNodes.binary(IrBinaryOp.EQ, IrNodes.ref(axis.getVar()), IrEdits.index(lower), IrNodes.bool()),
				IrNodes.binary(IrBinaryOp.EQ, IrNodes.ref(w), IrEdits.index(shape[window.dim()] - 1), IrNodes.bool()), IrNodes.bool()));
		choose.setThen(IrNodes.block(IrNodes.store(axis.getLine(), buffer, IrNodes.load(target, targetIndex.toArray(IrExpr[]::new)),
				copies(bufferIndex))));
		choose.setElse(IrNodes.block(IrNodes.store(axis.getLine(), buffer, IrNodes.load(buffer, nextIndex.toArray(IrExpr[]::new)),
				copies(bufferIndex))));
		loops.get(loops.size() - 1).getBody().getStatements().add(choose);
		for (int i = loops.size() - 1; i > 0; i--) {
			loops.get(i - 1).getBody().getStatements().add(loops.get(i));
		}
		return loops.get(0);
	}

	private static IrExpr[] copies(List<IrExpr> indices) {
		return indices.stream().map(EcoreUtil::copy).toArray(IrExpr[]::new);
	}
}
