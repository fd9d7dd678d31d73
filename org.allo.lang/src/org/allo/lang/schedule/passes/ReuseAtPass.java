package org.allo.lang.schedule.passes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrIf;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.builder.IrNodes;
import org.allo.lang.schedule.analysis.AffineForm;
import org.allo.lang.validation.IssueCodes;

/**
 * {@code reuse_at(target, axis)}: the reads of {@code target} inside loop {@code axis} that slide
 * by one element per iteration ({@code A[y + r, x]}) read a reuse buffer instead, which holds the
 * window {@code target[.., axis + m .. axis + M, ..]}, shifted by one with one new slice loaded per
 * iteration; the loop runs {@code M - m} more iterations that only fill the window before the first
 * one of the original body (Allo's generated shape). Chained on its own result it gives
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
		parent.getStatements().add(parent.getStatements().indexOf(axis), zeroFill(function, axis.getLine(), buffer));
		rewriteAxis(function, axis, lower, target, buffer, window);
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
	 * Allo's shape: the axis runs {@code W - 1} more iterations (W the window's slices), each of
	 * which shifts the window by one slice ({@code buf[.., w, ..] = buf[.., w + 1, ..]}, in
	 * increasing w so that every slice is read before it is overwritten) and loads one new slice
	 * ({@code buf[.., W - 1, ..] = target[.., axis + min, ..]}); the original body runs only once the
	 * window is full, its axis variable {@code W - 1} behind. Every iteration thus reads one slice of
	 * the target, so a pipelined axis needs one read per element and bank, not W on the first
	 * iteration.
	 */
	private static void rewriteAxis(IrFunction function, IrFor axis, long lower, IrBuffer target, IrBuffer buffer, Window window) {
		long fill = window.max() - window.min();
		IrVar var = axis.getVar();
		List<IrStatement> body = new ArrayList<>(axis.getBody().getStatements());
		for (IrStatement statement : body) {
			IrEdits.substitute(statement, var, () -> IrNodes.binary(IrBinaryOp.SUB, IrNodes.ref(var), constant(fill, var), var.getType()));
		}
		List<IrStatement> statements = axis.getBody().getStatements();
		if (fill > 0) {
			axis.setUpper(constant(lower + IrEdits.tripCount(axis) + fill, var));
			IrIf full = IrFactory.eINSTANCE.createIrIf();
			full.setCondition(IrNodes.binary(IrBinaryOp.GE, IrNodes.ref(var), constant(lower + fill, var), IrNodes.bool()));
			full.setThen(IrNodes.block());
			full.getThen().getStatements().addAll(body);
			statements.add(full);
		}
		statements.addAll(0, update(function, axis, target, buffer, window));
	}

	private static IrExpr constant(long value, IrVar var) {
		return IrNodes.constant(value, var.getType());
	}

	/**
	 * The buffer set to zero before the loop, every loop of the fill unrolled: the filling
	 * iterations shift slices that are not loaded yet, which must hold a defined value for C++
	 * (g++ -Wall rejects the uninitialised read); unrolled, a partitioned buffer's registers are
	 * all set in one cycle instead of one element per cycle.
	 */
	private static IrStatement zeroFill(IrFunction function, int line, IrBuffer buffer) {
		IrType element = ((IrTensorType) buffer.getType()).getElement();
		IrExpr zero = element instanceof IrFloatType ? IrNodes.real(0.0, element) : IrNodes.constant(0, element);
		IrStatement fill = across(function, line, buffer, -1, "_init_d", null, slice -> zero);
		for (IrStatement level = fill; level instanceof IrFor loop; level = loop.getBody().getStatements().get(0)) {
			loop.setUnrollFactor(0);
		}
		return fill;
	}

	/**
	 * One iteration's window update, as Allo generates it: the slices move down by one
	 * ({@code buf[.., w, ..] = buf[.., w + 1, ..]}, in increasing w so that every slice is read
	 * before it is overwritten), then the newest slice is loaded from the target
	 * ({@code target[.., axis + min, ..]}).
	 */
	private static List<IrStatement> update(IrFunction function, IrFor axis, IrBuffer target, IrBuffer buffer, Window window) {
		long last = IrEdits.shape(buffer)[window.dim()] - 1;
		IrExpr base = IrEdits.expressionOf(new AffineForm(window.min(), window.around()));
		IrStatement load = across(function, axis.getLine(), buffer, window.dim(), "_d", IrEdits.index(last),
				slice -> IrNodes.load(target, slice.apply(IrEdits.arith(IrBinaryOp.ADD, IrNodes.ref(axis.getVar()), base))));
		if (last == 0) {
			return List.of(load);
		}
		IrFor shift = IrEdits.loop(IrEdits.freshLoopName(function, buffer.getName() + "_shift"), last);
		IrVar w = shift.getVar();
		shift.getBody().getStatements().add(across(function, axis.getLine(), buffer, window.dim(), "_shift_d", IrNodes.ref(w),
				slice -> IrNodes.load(buffer, slice.apply(IrEdits.arith(IrBinaryOp.ADD, IrNodes.ref(w), IrEdits.index(1))))));
		return List.of(shift, load);
	}

	/**
	 * {@code buffer[.., at, ..] = value} for every index of the buffer's other dimensions (all of
	 * them when {@code slide} is -1): a nest of loops named {@code buffer + infix + dimension};
	 * {@code value} gets the indices of a slice, the sliding dimension's given.
	 */
	private static IrStatement across(IrFunction function, int line, IrBuffer buffer, int slide, String infix, IrExpr at,
			Function<Function<IrExpr, IrExpr[]>, IrExpr> value) {
		long[] shape = IrEdits.shape(buffer);
		List<IrFor> loops = new ArrayList<>();
		List<IrVar> vars = new ArrayList<>();
		for (int d = 0; d < shape.length; d++) {
			IrFor loop = d == slide ? null : IrEdits.loop(IrEdits.freshLoopName(function, buffer.getName() + infix + (d + 1)), shape[d]);
			vars.add(loop == null ? null : loop.getVar());
			if (loop != null) {
				loops.add(loop);
			}
		}
		IrStatement statement = IrNodes.store(line, buffer, value.apply(slid -> indices(vars, slide, slid)), indices(vars, slide, at));
		for (int i = loops.size() - 1; i >= 0; i--) {
			loops.get(i).getBody().getStatements().add(statement);
			statement = loops.get(i);
		}
		return statement;
	}

	/** References to {@code vars} as indices, the sliding dimension's replaced by {@code slid}. */
	private static IrExpr[] indices(List<IrVar> vars, int slide, IrExpr slid) {
		IrExpr[] indices = new IrExpr[vars.size()];
		for (int d = 0; d < indices.length; d++) {
			indices[d] = d == slide ? slid : IrNodes.ref(vars.get(d));
		}
		return indices;
	}
}
