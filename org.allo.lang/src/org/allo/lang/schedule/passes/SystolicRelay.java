package org.allo.lang.schedule.passes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrIf;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.IrWhile;
import org.allo.lang.schedule.analysis.IndexValues;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * {@code to(target, pes, axis=a, depth=d)} after {@code unfold} (the systolic relay of Allo's
 * {@code schedule_systolic}): the leading dimensions of the array select a channel between
 * processing elements, the trailing ones the data sent along it; each PE gets its channels as view
 * arguments ({@code A_fifo[i, j]}), and the kernel feeds and drains the edge channels itself. The
 * array becomes an array of FIFOs {@code Stream[T, d][channels]}, each view a single FIFO. Accepted
 * where every channel keeps the meaning: exactly one writer and one reader, each sending or taking
 * the channel's elements once in row-major order, the writer's statement before the reader's in
 * the kernel body. A run in program order with unbounded FIFOs then computes what the array did.
 */
final class SystolicRelay {

	/** Visits beyond which the channel check gives up rather than hang the editor on a huge grid. */
	private static final long VISIT_LIMIT = 50_000_000L;

	/** One access to the channels: a store or load of the kernel, or a callee's access to the parameter a view is bound to. */
	private record Port(IrStatement statement, EObject access, boolean writes) {
	}

	/** The one writer or reader of a channel and how many elements it has visited so far. */
	private static final class Cursor {
		final Port port;
		long next;

		Cursor(Port port) {
			this.port = port;
		}
	}

	private final PassContext context;
	private final IrBuffer array;
	private final IrFunction kernel;
	private final int channelRank;
	private final long[] elementShape;
	private final Map<List<Long>, Cursor> writers = new LinkedHashMap<>();
	private final Map<List<Long>, Cursor> readers = new HashMap<>();
	private long visits;

	private SystolicRelay(PassContext context, IrBuffer array, int channelRank) {
		this.context = context;
		this.array = array;
		this.kernel = IrEdits.functionOf(array);
		this.channelRank = channelRank;
		long[] shape = IrEdits.shape(array);
		this.elementShape = Arrays.copyOfRange(shape, channelRank, shape.length);
	}

	static void apply(PassContext context, IrBuffer array, long depth) throws ScheduleError {
		IrFunction kernel = IrEdits.functionOf(array);
		List<IrLoad> views = new ArrayList<>();
		List<IrLoad> reads = new ArrayList<>();
		int rank = IrEdits.shape(array).length;
		for (IrLoad load : IrEdits.loads(kernel, array)) {
			if (load.getIndices().size() == rank) {
				reads.add(load);
			} else if (!load.getIndices().isEmpty() && load.eContainer() instanceof IrCall) {
				views.add(load);
			} else {
				throw refusal(context, array, "kernel '" + kernel.getName() + "' uses it whole at line " + IrEdits.lineOf(load)
						+ "; a relay passes each processing element its channel as a view, e.g. " + array.getName() + "[i, j]");
			}
		}
		if (views.isEmpty()) {
			throw context.error(context.location("axis"), IssueCodes.SCHEDULE_STREAM, "to(..., axis=...) relays " + array.getName()
					+ " between processing elements, but no call receives a view of it (" + array.getName()
					+ "[i, j]); unfold the band that calls the PEs first, or drop axis= for a FIFO between two loop nests or kernels");
		}
		int channelRank = views.get(0).getIndices().size();
		for (IrLoad view : views) {
			if (view.getIndices().size() != channelRank) {
				throw refusal(context, array, "its views select channels with " + channelRank + " and with "
						+ view.getIndices().size() + " indices (line " + IrEdits.lineOf(view) + "); every PE must get a channel of the same shape");
			}
		}
		long axis = context.integer("axis", 0);
		if (axis < 0 || axis >= channelRank) {
			throw context.error(context.location("axis"), IssueCodes.SCHEDULE_STREAM, "Cannot move data to null PE: axis " + axis
					+ " is not an axis of the PE grid; the views of " + array.getName() + " select a channel with " + channelRank
					+ " index(es), so use an axis in 0.." + (channelRank - 1));
		}
		SystolicRelay relay = new SystolicRelay(context, array, channelRank);
		relay.check(IrEdits.stores(kernel, array), reads, views);
		relay.rewrite(IrEdits.stores(kernel, array), reads, views, depth);
	}

	private void check(List<IrStore> writes, List<IrLoad> reads, List<IrLoad> views) throws ScheduleError {
		for (IrStore write : writes) {
			visit(new Port(topStatement(write), write, true), new long[0]);
		}
		for (IrLoad read : reads) {
			visit(new Port(topStatement(read), read, false), new long[0]);
		}
		Map<IrFunction, Integer> callCounts = StreamBetweenCalls.callCounts(kernel);
		for (IrLoad view : views) {
			IrCall call = (IrCall) view.eContainer();
			StreamBetweenCalls.checkCalledOnce(context, array, call.getFunction(), callCounts);
			visit(new Port(topStatement(call), calleeAccess(call, view), !IrEdits.stores(call.getFunction(), parameterOf(call, view)).isEmpty()),
					constantIndices(view));
		}
		for (Map.Entry<List<Long>, Cursor> entry : writers.entrySet()) {
			Cursor reader = readers.get(entry.getKey());
			Port writer = entry.getValue().port;
			if (reader == null) {
				throw refusal("channel " + channel(entry.getKey()) + " is written at line " + writer.statement().getLine()
						+ " but never read; the last processing element's output needs a drain");
			}
			long count = IrEdits.elements(elementShape);
			if (entry.getValue().next != count || reader.next != count) {
				throw refusal("channel " + channel(entry.getKey()) + " is not written and read in full (" + count + " elements)");
			}
			IrStatement first = writer.statement();
			IrStatement second = reader.port.statement();
			if (first.eContainer() != second.eContainer() || first.eContainer().eContents().indexOf(first) >= second.eContainer().eContents().indexOf(second)) {
				throw refusal("channel " + channel(entry.getKey()) + " is read at line " + second.getLine() + " before or while it is written (line "
						+ first.getLine() + "); the writer must come first");
			}
		}
		for (Map.Entry<List<Long>, Cursor> entry : readers.entrySet()) {
			if (!writers.containsKey(entry.getKey())) {
				throw refusal("channel " + channel(entry.getKey()) + " is read at line " + entry.getValue().port.statement().getLine()
						+ " but never written");
			}
		}
	}

	private void rewrite(List<IrStore> writes, List<IrLoad> reads, List<IrLoad> views, long depth) {
		IrType element = ((IrTensorType) array.getType()).getElement();
		IrStreamType single = IrFactory.eINSTANCE.createIrStreamType();
		single.setElement(EcoreUtil.copy(element));
		single.setDepth((int) Math.min(depth == -1 ? IrEdits.elements(elementShape) : depth, Integer.MAX_VALUE));
		IrStreamType channels = EcoreUtil.copy(single);
		long[] shape = IrEdits.shape(array);
		for (int d = 0; d < channelRank; d++) {
			channels.getShape().add(shape[d]);
		}
		for (IrLoad view : views) {
			IrCall call = (IrCall) view.eContainer();
			IrBuffer parameter = parameterOf(call, view);
			List<IrStore> calleeWrites = IrEdits.stores(call.getFunction(), parameter);
			List<IrLoad> calleeReads = IrEdits.loads(call.getFunction(), parameter);
			FifoRewrites.rewrite(parameter, EcoreUtil.copy(single), calleeWrites.isEmpty() ? null : calleeWrites.get(0),
					calleeReads.isEmpty() ? null : calleeReads.get(0));
			view.setType(EcoreUtil.copy(single));
		}
		array.setType(channels);
		array.setLayout(null);
		((IrAlloc) array.eContainer()).setInit(null);
		for (IrStore write : writes) {
			FifoRewrites.toPut(write, channelRank);
		}
		for (IrLoad read : reads) {
			FifoRewrites.toGet(read, element, channelRank);
		}
		kernel.setDataflow(true);
	}

	/** The callee's one element access to the parameter the view is bound to. */
	private EObject calleeAccess(IrCall call, IrLoad view) throws ScheduleError {
		IrFunction callee = call.getFunction();
		IrBuffer parameter = parameterOf(call, view);
		List<IrStore> writes = IrEdits.stores(callee, parameter);
		List<IrLoad> reads = IrEdits.loads(callee, parameter);
		for (IrLoad whole : reads) {
			if (whole.getIndices().size() != elementShape.length) {
				throw refusal("kernel '" + callee.getName() + "' uses its parameter " + parameter.getName() + " whole at line "
						+ IrEdits.lineOf(whole) + ", which a FIFO cannot stand for");
			}
		}
		if (writes.size() + reads.size() != 1) {
			throw refusal("kernel '" + callee.getName() + "' has " + writes.size() + " writing and " + reads.size()
					+ " reading accesses to its parameter " + parameter.getName() + "; each end of a FIFO needs exactly one");
		}
		return writes.isEmpty() ? reads.get(0) : writes.get(0);
	}

	private static IrBuffer parameterOf(IrCall call, IrLoad view) {
		// the checker has matched the view with an array parameter
		return (IrBuffer) call.getFunction().getParams().get(call.getArgs().indexOf(view));
	}

	private long[] constantIndices(IrLoad view) throws ScheduleError {
		long[] prefix = new long[view.getIndices().size()];
		for (int d = 0; d < prefix.length; d++) {
			OptionalLong value = IndexValues.of(view.getIndices().get(d), Map.of());
			if (value.isEmpty()) {
				throw refusal("the view " + IrEdits.describe(view) + " does not select one channel; unfold the band of processing elements first");
			}
			prefix[d] = value.getAsLong();
		}
		return prefix;
	}

	/** Runs the loop nest around the port's access and records each element it visits on its channel. */
	private void visit(Port port, long[] prefix) throws ScheduleError {
		for (EObject at = port.access().eContainer(); !(at instanceof IrFunction); at = at.eContainer()) {
			if (at instanceof IrIf || at instanceof IrWhile) {
				throw refusal(IrEdits.describe(port.access()) + " is under a condition, so the FIFO could miss elements");
			}
		}
		iterate(port, prefix, IrEdits.enclosingLoops(port.access()), 0, new HashMap<>());
	}

	private void iterate(Port port, long[] prefix, List<IrFor> loops, int depth, Map<IrVar, Long> values) throws ScheduleError {
		if (depth == loops.size()) {
			record(port, prefix, values);
			return;
		}
		IrFor loop = loops.get(depth);
		OptionalLong lower = IndexValues.of(loop.getLower(), values);
		OptionalLong upper = IndexValues.of(loop.getUpper(), values);
		if (lower.isEmpty() || upper.isEmpty() || loop.getStep() <= 0) {
			throw refusal("loop '" + loop.getLoopName() + "' around " + IrEdits.describe(port.access()) + " has bounds that are not constant");
		}
		for (long value = lower.getAsLong(); value < upper.getAsLong(); value += loop.getStep()) {
			values.put(loop.getVar(), value);
			iterate(port, prefix, loops, depth + 1, values);
		}
		values.remove(loop.getVar());
	}

	private void record(Port port, long[] prefix, Map<IrVar, Long> values) throws ScheduleError {
		if (++visits > VISIT_LIMIT) {
			throw refusal("the processing elements access it more than " + VISIT_LIMIT + " times, too many to check each channel");
		}
		List<IrExpr> indices = IrEdits.indicesOf(port.access());
		long[] full = Arrays.copyOf(prefix, prefix.length + indices.size());
		for (int d = 0; d < indices.size(); d++) {
			OptionalLong value = IndexValues.of(indices.get(d), values);
			if (value.isEmpty()) {
				throw refusal(IrEdits.describe(port.access()) + " has an index that is not a function of the loops around it");
			}
			full[prefix.length + d] = value.getAsLong();
		}
		List<Long> channel = Arrays.stream(full, 0, channelRank).boxed().toList();
		Map<List<Long>, Cursor> side = port.writes() ? writers : readers;
		Cursor cursor = side.computeIfAbsent(channel, key -> new Cursor(port));
		if (cursor.port != port) {
			throw refusal("channel " + channel(channel) + " has two " + (port.writes() ? "writers" : "readers") + " (lines "
					+ cursor.port.statement().getLine() + " and " + port.statement().getLine() + "); a FIFO needs exactly one of each");
		}
		long position = 0;
		for (int d = 0; d < elementShape.length; d++) {
			position = position * elementShape[d] + full[channelRank + d];
		}
		if (position != cursor.next) {
			throw refusal(IrEdits.describe(port.access()) + " does not " + (port.writes() ? "send" : "take") + " the elements of channel "
					+ channel(channel) + " once each in row-major order, so a FIFO would deliver them in another order");
		}
		cursor.next++;
	}

	/** The statement of the kernel body that holds a node (a loop nest or a PE call). */
	private IrStatement topStatement(EObject node) {
		EObject current = node;
		while (current.eContainer() != kernel.getBody()) {
			current = current.eContainer();
		}
		return (IrStatement) current;
	}

	private String channel(List<Long> indices) {
		return array.getName() + indices;
	}

	private ScheduleError refusal(String why) {
		return refusal(context, array, why);
	}

	private static ScheduleError refusal(PassContext context, IrBuffer array, String why) {
		return context.error(context.step().call(), IssueCodes.SCHEDULE_STREAM, "cannot relay " + array.getName() + " between processing elements: " + why);
	}
}
