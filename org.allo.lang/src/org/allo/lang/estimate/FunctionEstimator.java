package org.allo.lang.estimate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrAssign;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrDeclare;
import org.allo.lang.ir.IrEval;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrIf;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrReturn;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrStreamPut;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrWhile;
import org.allo.lang.estimate.LoopEstimate.Mode;
import org.eclipse.emf.ecore.EObject;

/**
 * Estimates one function: walks its statements and loops with the loop models of HLS
 * (sequential: trips x (body + exit test); pipelined: depth + (trips - 1) x II, with the II raised
 * by recurrences, memory ports, streams and calls; loops inside a pipeline fully unrolled;
 * perfect nests around a pipeline flattened into it; unrolled blocks limited by ports; dataflow
 * regions scheduled as a task graph) and tallies the operators it instantiates.
 */
final class FunctionEstimator {

	/** Indices of a dataflow stage's start (and a region's end) under csynth's stream rule and under the hardware's. */
	private static final int CSYNTH = 0;
	private static final int HARDWARE = 1;

	/** Where a statement is: how often it runs per call, how many unrolled copies exist, and whether it is straight-line code of a pipeline or unrolled block. */
	private record Context(double entries, long copies, boolean flat, OperationTally tally) {

		Context inside(double trips, long moreCopies, boolean flatBody, OperationTally bodyTally) {
			return new Context(entries * trips, copies * moreCopies, flatBody, bodyTally);
		}
	}

	/** The estimate of a loop and, for a pipeline or a flattened nest, what an enclosing loop needs to flatten itself into it. */
	private record Timing(LoopEstimate estimate, boolean pipeline, int ii, long depth, double pipelineTrips) {

		long latency() {
			return estimate.latency();
		}
	}

	private final IrFunction function;
	private final DeviceModel device;
	private final Storage storage;
	private final ExpressionCosts costs;
	private final Effects effects;
	private final Function<IrFunction, Result> callees;
	private final TripCounts trips = new TripCounts();
	private final OperationTally sequentialOperations = new OperationTally();
	private Resources pipelineOperations = Resources.NONE;
	private final Map<IrFunction, Long> calleeInstances = new LinkedHashMap<>();
	private final Map<IrFunction, Double> callsPerCall = new LinkedHashMap<>();
	private final List<DataflowStage> stages = new ArrayList<>();
	private final Map<IrBuffer, Long> firstWrites = new HashMap<>();
	private final List<String> notes;
	private final StreamStart streamStart;
	private long loopCount;

	FunctionEstimator(IrFunction function, DeviceModel device, Storage storage, Operations operations, Effects effects,
			Function<IrFunction, Result> callees, List<String> notes) {
		this.function = function;
		this.device = device;
		this.storage = storage;
		this.effects = effects;
		this.callees = callees;
		this.notes = notes;
		this.streamStart = StreamStart.of(device);
		this.costs = new ExpressionCosts(operations, storage, callee -> callees.apply(callee).estimate().latency(),
				device.number("call.overhead"));
	}

	/**
	 * The function's estimate; calls lists each callee with how often one call of this function
	 * calls it; firstWrites, for each stream it writes (its parameters included), the cycle of a
	 * call at which it first writes it.
	 */
	record Result(FunctionEstimate estimate, Map<IrFunction, Double> calls, Map<IrFunction, Long> calleeInstances,
			Map<IrBuffer, Long> firstWrites) {
	}

	Result estimate() {
		List<LoopEstimate> loops = new ArrayList<>();
		Context top = new Context(1, 1, false, sequentialOperations);
		long latency;
		long interval;
		if (function.isDataflow()) {
			long[] region = dataflow(function.getName(), function.getBody().getStatements(), top, loops);
			latency = region[0];
			interval = region[1];
		} else {
			latency = block(function.getBody().getStatements(), top, loops, this::recordFirstWrites);
			interval = latency;
		}
		Resources operators = sequentialOperations.resources(1).plus(pipelineOperations)
				.plus(new Resources(0, 0, 0, loopCount * device.number("loop.ff"), loopCount * device.number("loop.lut")));
		FunctionEstimate estimate = new FunctionEstimate(function.getName(), function.isTop(), function.isDataflow(), latency, interval, 1,
				loops, List.copyOf(stages), operators);
		return new Result(estimate, callsPerCall, calleeInstances, firstWrites);
	}

	/** What a statement list tells about each statement it schedules: when it starts, its latency and the loops it holds. */
	private interface Scheduled {
		void at(IrStatement statement, long start, long latency, List<LoopEstimate> ownLoops);
	}

	private long block(List<IrStatement> statements, Context context, List<LoopEstimate> loops) {
		return block(statements, context, loops, (statement, start, latency, ownLoops) -> {
		});
	}

	/** Latency of a statement list: straight-line statements overlap unless they depend on each other; loops and calls outside a pipeline run one after another. */
	private long block(List<IrStatement> statements, Context context, List<LoopEstimate> loops, Scheduled scheduled) {
		List<long[]> ends = new ArrayList<>();
		List<Effects.Of> done = new ArrayList<>();
		long barrier = 0;
		long end = 0;
		for (IrStatement statement : statements) {
			int loopsBefore = loops.size();
			long latency = statement(statement, context, loops);
			Effects.Of effect = effects.of(statement);
			boolean sequential = !context.flat() && (statement instanceof IrFor || statement instanceof IrWhile || containsCall(statement));
			long start = sequential ? end : barrier;
			if (!sequential) {
				for (int i = 0; i < done.size(); i++) {
					if (done.get(i).conflicts(effect)) {
						start = Math.max(start, ends.get(i)[0]);
					}
				}
			}
			if (sequential) {
				barrier = start + latency;
			}
			scheduled.at(statement, start, latency, loops.subList(loopsBefore, loops.size()));
			ends.add(new long[] { start + latency });
			done.add(effect);
			end = Math.max(end, start + latency);
		}
		return end;
	}

	private long statement(IrStatement statement, Context context, List<LoopEstimate> loops) {
		if (statement instanceof IrFor loop) {
			Timing timing = loop(loop, context);
			loops.add(timing.estimate());
			return timing.latency();
		}
		if (statement instanceof IrBlock nested) {
			return block(nested.getStatements(), context, loops);
		}
		if (statement instanceof IrIf branch) {
			long condition = expression(branch.getCondition(), context);
			long then = block(branch.getThen().getStatements(), context, loops);
			long otherwise = branch.getElse() == null ? 0 : block(branch.getElse().getStatements(), context, loops);
			return condition + Math.max(then, otherwise);
		}
		if (statement instanceof IrWhile loop) {
			notes.add(function.getName() + ": a while loop (line " + loop.getLine() + ") has no trip count; counted as one iteration");
			return expression(loop.getCondition(), context) + block(loop.getBody().getStatements(), context, loops)
					+ device.number("loop.entry.overhead");
		}
		if (statement instanceof IrStore store) {
			return expression(store.getValue(), context) + storage.storeLatency();
		}
		if (statement instanceof IrStreamPut put) {
			return expression(put.getValue(), context) + device.number("stream.access.latency");
		}
		if (statement instanceof IrAssign assign) {
			return expression(assign.getValue(), context);
		}
		if (statement instanceof IrDeclare declare) {
			return expression(declare.getInit(), context);
		}
		if (statement instanceof IrEval eval) {
			return expression(eval.getExpr(), context);
		}
		if (statement instanceof IrReturn ret) {
			long latency = 0;
			for (IrExpr value : ret.getValues()) {
				latency = Math.max(latency, expression(value, context));
			}
			return latency;
		}
		if (statement instanceof IrAlloc alloc) {
			return initialisation(alloc.getBuffer(), alloc.getInit() != null);
		}
		return 0;
	}

	/** {@code C: T[M, N] = 0} is a loop writing every element, one per port of each bank per cycle. */
	private long initialisation(IrBuffer buffer, boolean initialised) {
		if (!initialised || Storage.shape(buffer).isEmpty() || storage.kind(buffer) == Storage.Kind.REGISTERS
				|| buffer.getType() instanceof IrStreamType) {
			return 0;
		}
		long perCycle = Storage.banks(buffer) * storage.ports(buffer);
		return (Storage.elements(buffer) + perCycle - 1) / perCycle + device.number("pipeline.overhead");
	}

	private long expression(IrExpr expr, Context context) {
		if (expr == null) {
			return 0;
		}
		costs.collect(expr, context.tally(), context.copies());
		recordCalls(expr, context);
		return costs.latency(expr);
	}

	private void recordCalls(IrExpr expr, Context context) {
		List<IrCall> calls = new ArrayList<>();
		if (expr instanceof IrCall call) {
			calls.add(call);
		}
		expr.eAllContents().forEachRemaining(node -> {
			if (node instanceof IrCall call) {
				calls.add(call);
			}
		});
		for (IrCall call : calls) {
			if (call.getFunction() != null) {
				callsPerCall.merge(call.getFunction(), context.entries() * context.copies(), Double::sum);
				calleeInstances.merge(call.getFunction(), context.flat() ? context.copies() : 1, Math::max);
			}
		}
	}

	private static boolean containsCall(EObject statement) {
		if (statement instanceof IrFor) {
			return false;
		}
		var contents = statement.eAllContents();
		while (contents.hasNext()) {
			if (contents.next() instanceof IrCall) {
				return true;
			}
		}
		return false;
	}

	private Timing loop(IrFor loop, Context context) {
		TripCounts.Trips count = trips.of(loop);
		if (!count.known()) {
			notes.add(function.getName() + ": the bounds of loop " + loop.getLoopName() + " (line " + loop.getLine()
					+ ") are not constant; counted as one iteration");
		}
		loopCount++;
		trips.enter(loop);
		try {
			if (context.flat()) {
				return inPipeline(loop, count, context);
			}
			if (loop.getPipelineII() > 0) {
				return pipelined(loop, count, context, new IiLimit(IiLimit.Kind.REQUESTED, loop.getPipelineII(),
						"requested by pipeline(" + loop.getLoopName() + ")"));
			}
			if (loop.getUnrollFactor() >= 0) {
				return unrolled(loop, count, context);
			}
			if (loop.isDataflow()) {
				return dataflowLoop(loop, count, context);
			}
			if (pipelinedAutomatically(loop, count)) {
				return pipelined(loop, count, context, new IiLimit(IiLimit.Kind.REQUESTED, 1, "pipelined automatically by Vitis HLS: an innermost loop of "
						+ "at least " + device.number("auto.pipeline.min.trips") + " iterations"));
			}
			return sequential(loop, count, context);
		} finally {
			trips.leave(loop);
		}
	}

	private Timing inPipeline(IrFor loop, TripCounts.Trips count, Context context) {
		long n = Math.max(1, Math.round(count.count()));
		List<LoopEstimate> inner = new ArrayList<>();
		long body = block(loop.getBody().getStatements(), context.inside(count.count(), n, true, context.tally()), inner);
		long step = longest(Recurrences.limits(new Region(loop, 1, innerTrips(loop)), costs, storage.recurrenceStoreLatency(), true));
		long latency = body + (n - 1) * step;
		return new Timing(estimate(loop, count, Mode.IN_PIPELINE, 0, 0, List.of(), body, latency, context, inner), false, 0, latency, 1);
	}

	/**
	 * Vitis HLS pipelines an innermost loop without a pragma when its trip count reaches the
	 * threshold (config_compile -pipeline_loops); a loop that calls a function is left alone, as
	 * the callee keeps its own schedule.
	 */
	private boolean pipelinedAutomatically(IrFor loop, TripCounts.Trips count) {
		if (!count.exact() || count.count() < device.number("auto.pipeline.min.trips")) {
			return false;
		}
		var contents = loop.getBody().eAllContents();
		while (contents.hasNext()) {
			EObject node = contents.next();
			if (node instanceof IrFor || node instanceof IrWhile || node instanceof IrCall) {
				return false;
			}
		}
		return true;
	}

	private Timing pipelined(IrFor loop, TripCounts.Trips count, Context context, IiLimit requested) {
		long n = Math.max(1, Math.round(count.count()));
		long factor = loop.getUnrollFactor() < 0 ? 1 : loop.getUnrollFactor() == 0 ? n : Math.min(n, loop.getUnrollFactor());
		double pipelineTrips = Math.ceil(count.count() / factor);
		OperationTally tally = new OperationTally();
		List<LoopEstimate> inner = new ArrayList<>();
		long body = block(loop.getBody().getStatements(), context.inside(count.count(), factor, true, tally), inner);
		Map<IrFor, Long> innerTrips = innerTrips(loop);
		long depth = body;
		if (factor > 1) {
			depth += (factor - 1) * longest(Recurrences.limits(new Region(loop, 1, innerTrips), costs, storage.recurrenceStoreLatency(), true));
		}
		Region region = new Region(loop, factor, innerTrips);
		List<IiLimit> limits = new ArrayList<>();
		limits.add(requested);
		limits.addAll(Recurrences.limits(region, costs, storage.recurrenceStoreLatency(), false));
		limits.addAll(Accesses.limits(region, storage));
		limits.addAll(callLimits(loop));
		limits.sort((a, b) -> Integer.compare(b.ii(), a.ii()));
		int ii = limits.get(0).ii();
		long latency = depth + Math.round(Math.max(0, pipelineTrips - 1) * ii) + device.number("pipeline.overhead");
		pipelineOperations = pipelineOperations.plus(tally.resources(ii));
		LoopEstimate estimate = estimate(loop, count, Mode.PIPELINED, loop.getPipelineII(), ii, List.copyOf(limits), depth, latency,
				context, inner);
		return new Timing(estimate, count.exact(), ii, depth, pipelineTrips);
	}

	private List<IiLimit> callLimits(IrFor loop) {
		List<IiLimit> limits = new ArrayList<>();
		loop.getBody().eAllContents().forEachRemaining(node -> {
			if (node instanceof IrCall call && call.getFunction() != null && !call.getFunction().isInline()) {
				FunctionEstimate callee = callees.apply(call.getFunction()).estimate();
				if (callee.interval() > 1) {
					limits.add(new IiLimit(IiLimit.Kind.CALL, (int) Math.min(Integer.MAX_VALUE, callee.interval()), "call of "
							+ callee.name() + ": it takes " + callee.interval() + " cycles before it accepts the next call; inline or pipeline it"));
				}
			}
		});
		return limits;
	}

	private Timing unrolled(IrFor loop, TripCounts.Trips count, Context context) {
		long n = Math.max(1, Math.round(count.count()));
		long factor = loop.getUnrollFactor() == 0 ? n : Math.min(n, loop.getUnrollFactor());
		double blocks = Math.ceil(count.count() / factor);
		List<LoopEstimate> inner = new ArrayList<>();
		long body = block(loop.getBody().getStatements(), context.inside(blocks, factor, true, context.tally()), inner);
		Map<IrFor, Long> innerTrips = innerTrips(loop);
		long step = longest(Recurrences.limits(new Region(loop, 1, innerTrips), costs, storage.recurrenceStoreLatency(), true));
		List<IiLimit> ports = Accesses.limits(new Region(loop, factor, innerTrips), storage);
		long blockLatency = body + Math.max((factor - 1) * step, longest(ports) - 1);
		long latency = blocks <= 1 ? blockLatency
				: Math.round(blocks * (blockLatency + device.number("loop.iteration.overhead"))) + device.number("loop.entry.overhead");
		return new Timing(estimate(loop, count, Mode.UNROLLED, 0, 0, ports, blockLatency, latency, context, inner), false, 0, latency, 1);
	}

	private Timing sequential(IrFor loop, TripCounts.Trips count, Context context) {
		List<LoopEstimate> inner = new ArrayList<>();
		Context body = context.inside(count.count(), 1, false, context.tally());
		List<IrStatement> statements = loop.getBody().getStatements();
		if (statements.size() == 1 && statements.get(0) instanceof IrFor only) {
			Timing child = loop(only, body);
			if (child.pipeline()) {
				return flattened(loop, count, context, child);
			}
			inner.add(child.estimate());
			return sequentialTiming(loop, count, context, child.latency(), inner);
		}
		long latency = block(statements, body, inner);
		return sequentialTiming(loop, count, context, latency, inner);
	}

	private Timing sequentialTiming(IrFor loop, TripCounts.Trips count, Context context, long body, List<LoopEstimate> inner) {
		long iteration = body + device.number("loop.iteration.overhead");
		long latency = Math.round(count.count() * iteration) + device.number("loop.entry.overhead");
		return new Timing(estimate(loop, count, Mode.SEQUENTIAL, 0, 0, List.of(), iteration, latency, context, inner), false, 0, latency, 1);
	}

	/**
	 * HLS turns a perfect nest around a pipeline into one pipeline over all the nest's iterations;
	 * a semi-perfect one too, where only the outermost flattened loop has variable bounds (trmm's
	 * triangular k1 around the pipelined j1). {@code child} is a pipeline or flattened nest with
	 * constant bounds.
	 */
	private Timing flattened(IrFor loop, TripCounts.Trips count, Context context, Timing child) {
		double pipelineTrips = count.count() * child.pipelineTrips();
		long latency = child.depth() + Math.round(Math.max(0, pipelineTrips - 1) * child.ii()) + device.number("pipeline.overhead");
		LoopEstimate share = withLatency(child.estimate(), Math.round(child.pipelineTrips() * child.ii()));
		LoopEstimate estimate = estimate(loop, count, Mode.FLATTENED, 0, child.ii(), List.of(), child.depth(), latency, context,
				List.of(share));
		return new Timing(estimate, count.exact(), child.ii(), child.depth(), pipelineTrips);
	}

	private static LoopEstimate withLatency(LoopEstimate loop, long latency) {
		return new LoopEstimate(loop.function(), loop.name(), loop.band(), loop.line(), loop.trips(), loop.tripsExact(), loop.mode(),
				loop.requestedIi(), loop.achievedIi(), loop.limits(), loop.iterationLatency(), latency, loop.entries(), loop.inner());
	}

	private Timing dataflowLoop(IrFor loop, TripCounts.Trips count, Context context) {
		List<LoopEstimate> inner = new ArrayList<>();
		long[] region = dataflow(function.getName() + ", loop " + loop.getLoopName(), loop.getBody().getStatements(),
				context.inside(count.count(), 1, false, context.tally()), inner);
		long latency = region[0] + Math.round(Math.max(0, count.count() - 1) * region[1]);
		return new Timing(estimate(loop, count, Mode.DATAFLOW, 0, 0, List.of(), region[0], latency, context, inner), false, 0, latency, 1);
	}

	/**
	 * A dataflow region as a task graph: each loop or call is a stage that starts when the stages
	 * producing its inputs allow it: after they finish for an array (a ping-pong buffer); for a
	 * stream, by the table's {@link StreamStart} rule, with its producer (csynth) or at the
	 * producer's first write (hardware). The region is scheduled by both rules and, where they
	 * differ, a note says by how much. Returns {latency, interval}; the interval is the slowest
	 * stage's latency.
	 */
	private long[] dataflow(String where, List<IrStatement> statements, Context context, List<LoopEstimate> loops) {
		List<DataflowStage> region = new ArrayList<>();
		List<Effects.Of> regionEffects = new ArrayList<>();
		List<Map<IrBuffer, Long>> writes = new ArrayList<>();
		List<long[]> starts = new ArrayList<>();
		long setup = 0;
		long[] ends = new long[2];
		long interval = 0;
		for (IrStatement statement : statements) {
			boolean stage = statement instanceof IrFor || containsCall(statement);
			int loopsBefore = loops.size();
			long latency = statement(statement, context, loops);
			if (!stage) {
				setup = Math.max(setup, latency);
				continue;
			}
			Effects.Of effect = effects.of(statement);
			long[] start = new long[2];
			List<DataflowStage.Channel> inputs = new ArrayList<>();
			for (int p = 0; p < region.size(); p++) {
				for (EObject buffer : regionEffects.get(p).writes()) {
					if (buffer instanceof IrBuffer channel && effect.reads().contains(channel)) {
						boolean stream = channel.getType() instanceof IrStreamType;
						long depth = stream ? ((IrStreamType) channel.getType()).getDepth() : 0;
						inputs.add(new DataflowStage.Channel(channel.getName(), region.get(p).name(), stream, depth));
						long producerLatency = region.get(p).latency();
						long[] producer = starts.get(p);
						start[CSYNTH] = Math.max(start[CSYNTH], stream ? producer[CSYNTH] : producer[CSYNTH] + producerLatency);
						start[HARDWARE] = Math.max(start[HARDWARE],
								producer[HARDWARE] + (stream ? writes.get(p).getOrDefault(channel, producerLatency) : producerLatency));
					}
				}
			}
			long chosen = start[streamStart == StreamStart.CSYNTH ? CSYNTH : HARDWARE];
			String name = statement instanceof IrFor loop ? loop.getLoopName() : calleeName(statement);
			region.add(new DataflowStage(name, chosen, latency, List.copyOf(inputs)));
			regionEffects.add(effect);
			starts.add(start);
			Map<IrBuffer, Long> stageWrites = firstWrites(statement, loops.subList(loopsBefore, loops.size()), latency);
			writes.add(stageWrites);
			recordFirstWrites(stageWrites, chosen);
			ends[CSYNTH] = Math.max(ends[CSYNTH], start[CSYNTH] + latency);
			ends[HARDWARE] = Math.max(ends[HARDWARE], start[HARDWARE] + latency);
			interval = Math.max(interval, latency);
		}
		stages.addAll(region);
		noteStreamOverlap(where, ends[HARDWARE] - ends[CSYNTH]);
		long end = ends[streamStart == StreamStart.CSYNTH ? CSYNTH : HARDWARE];
		return new long[] { setup + end + device.number("dataflow.overhead"), Math.max(1, interval) };
	}

	/** Keeps the rule the estimate does not follow visible: csynth's figure and the hardware's differ by {@code cycles}. */
	private void noteStreamOverlap(String where, long cycles) {
		if (cycles <= 0) {
			return;
		}
		if (streamStart == StreamStart.CSYNTH) {
			notes.add(where + ": csynth's latency assumes each stream's consumer starts with its producer; a producer here writes its"
					+ " stream later, so the hardware (co-simulation) takes about " + cycles + " cycles more (" + StreamStart.FIRST_WRITE.setting()
					+ " estimates that)");
		} else {
			notes.add(where + ": estimated with each stream's consumer starting at its producer's first write, as the hardware runs;"
					+ " csynth assumes they start together and reports about " + cycles + " cycles less (" + StreamStart.CSYNTH.setting() + ")");
		}
	}

	/**
	 * When {@code statement} first writes each stream it writes, counted from its own start: a
	 * loop after one iteration of its outermost loop (hardware cannot send before that iteration
	 * ends); a call when its callee first writes the stream passed to it, so a callee that computes
	 * everything first and writes its output stream in a last loop (Allo's atax stage_M) gives its
	 * consumer no overlap.
	 */
	private Map<IrBuffer, Long> firstWrites(IrStatement statement, List<LoopEstimate> ownLoops, long latency) {
		Map<IrBuffer, Long> writes = new HashMap<>();
		long firstIteration = ownLoops.isEmpty() ? latency : Math.min(latency, ownLoops.get(0).iterationLatency());
		List<EObject> nodes = new ArrayList<>(List.of(statement));
		statement.eAllContents().forEachRemaining(nodes::add);
		for (EObject node : nodes) {
			if (node instanceof IrStreamPut put && put.getStream() != null) {
				writes.merge(put.getStream(), firstIteration, Math::min);
			} else if (node instanceof IrCall call && call.getFunction() != null) {
				calleeFirstWrites(call, latency, writes);
			}
		}
		return writes;
	}

	/** The streams a call passes whole to its callee, when the callee first writes each. */
	private void calleeFirstWrites(IrCall call, long latency, Map<IrBuffer, Long> writes) {
		Map<IrBuffer, Long> callee = callees.apply(call.getFunction()).firstWrites();
		for (int i = 0; i < call.getArgs().size() && i < call.getFunction().getParams().size(); i++) {
			Long at = callee.get(call.getFunction().getParams().get(i));
			if (at != null && call.getArgs().get(i) instanceof IrLoad load && load.getIndices().isEmpty()) {
				writes.merge(load.getBuffer(), Math.min(latency, at), Math::min);
			}
		}
	}

	private void recordFirstWrites(IrStatement statement, long start, long latency, List<LoopEstimate> ownLoops) {
		recordFirstWrites(firstWrites(statement, ownLoops, latency), start);
	}

	private void recordFirstWrites(Map<IrBuffer, Long> writes, long start) {
		writes.forEach((stream, at) -> firstWrites.merge(stream, start + at, Math::min));
	}

	private static String calleeName(IrStatement statement) {
		IrCall call = firstCall(statement);
		return call == null || call.getFunction() == null ? "stage" : call.getFunction().getName();
	}

	private static IrCall firstCall(IrStatement statement) {
		var contents = statement.eAllContents();
		while (contents.hasNext()) {
			if (contents.next() instanceof IrCall call) {
				return call;
			}
		}
		return null;
	}

	/** The trip count of every loop inside {@code loop}, with the enclosing loops' variables at their average. */
	private Map<IrFor, Long> innerTrips(IrFor loop) {
		Map<IrFor, Long> inner = new HashMap<>();
		collectTrips(loop.getBody(), inner);
		return inner;
	}

	private void collectTrips(EObject node, Map<IrFor, Long> into) {
		for (EObject child : node.eContents()) {
			if (child instanceof IrFor loop) {
				into.put(loop, Math.max(1, Math.round(trips.of(loop).count())));
				trips.enter(loop);
				collectTrips(loop.getBody(), into);
				trips.leave(loop);
			} else if (child instanceof IrStatement) {
				collectTrips(child, into);
			}
		}
	}

	private static long longest(List<IiLimit> limits) {
		return limits.stream().mapToLong(IiLimit::ii).max().orElse(0);
	}

	private LoopEstimate estimate(IrFor loop, TripCounts.Trips count, Mode mode, int requested, int achieved, List<IiLimit> limits,
			long iteration, long latency, Context context, List<LoopEstimate> inner) {
		return new LoopEstimate(function.getName(), loop.getLoopName(), loop.getBandName(), loop.getLine(), count.count(), count.exact(),
				mode, requested, achieved, limits, iteration, latency, context.entries(), List.copyOf(inner));
	}
}
