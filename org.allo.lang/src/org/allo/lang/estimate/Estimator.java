package org.allo.lang.estimate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrValue;
import org.allo.lang.estimate.LoopEstimate.Mode;

/**
 * Latency and resource estimates of a scheduled IR module, modelled on what Vitis HLS does with
 * the schedule's pragmas (docs/ESTIMATES.md). The entry point for the command line and the
 * editor:
 *
 * <pre>
 * EstimateReport report = Estimator.estimate(module);          // U280 at 300 MHz
 * report.latency(); report.loop("j").map(LoopEstimate::achievedIi);
 * </pre>
 *
 * The module is read, never changed. The top function (or the first one) is the design; its
 * tensor parameters and results are copied on chip and back (Allo's default {@code wrap_io})
 * unless the estimator is made without I/O copies.
 */
public final class Estimator {

	private final DeviceModel device;
	private final Storage storage;
	private final Operations operations;
	private final MemoryResources memories;
	private final boolean ioCopies;

	public Estimator(DeviceModel device) {
		this(device, true);
	}

	/**
	 * {@code ioCopies} false models {@code wrap_io=False}: the top's arrays are memory ports of the
	 * kernel (as in Allo's published PolyBench latencies), with no copy loops and no on-chip copies.
	 */
	public Estimator(DeviceModel device, boolean ioCopies) {
		this.device = device;
		this.ioCopies = ioCopies;
		this.storage = new Storage(device);
		this.operations = new Operations(device);
		this.memories = new MemoryResources(device, storage);
	}

	public static EstimateReport estimate(IrModule module) {
		return new Estimator(DeviceModel.u280()).estimate(module, List.of());
	}

	/** The estimate; {@code notes} are carried into the report (e.g. schedule steps not applied). */
	public EstimateReport estimate(IrModule module, List<String> notes) {
		IrFunction top = module.getFunctions().stream().filter(IrFunction::isTop).findFirst().orElse(module.getFunctions().get(0));
		List<String> allNotes = new ArrayList<>(notes);
		Map<IrFunction, FunctionEstimator.Result> results = new LinkedHashMap<>();
		Effects effects = new Effects();
		estimateFunction(top, results, effects, allNotes);
		Map<IrFunction, Double> calls = new HashMap<>();
		Map<IrFunction, Long> instances = new HashMap<>();
		List<IrFunction> order = callOrder(top, results);
		calls.put(top, 1.0);
		instances.put(top, 1L);
		for (IrFunction caller : order) {
			FunctionEstimator.Result result = results.get(caller);
			result.calls().forEach((callee, count) -> calls.merge(callee, calls.get(caller) * count, Double::sum));
			result.calleeInstances().forEach((callee, count) -> instances.merge(callee, instances.get(caller) * count, Math::max));
		}
		List<LoopEstimate> loads = new ArrayList<>();
		List<LoopEstimate> stores = new ArrayList<>();
		Resources ioMemory = ioCopies ? copies(top, effects, loads, stores) : Resources.NONE;
		long ioLatency = 0;
		for (LoopEstimate copy : loads) {
			ioLatency += copy.latency();
		}
		for (LoopEstimate copy : stores) {
			ioLatency += copy.latency();
		}
		List<FunctionEstimate> functions = new ArrayList<>();
		Resources total = ioMemory;
		for (IrFunction function : order) {
			FunctionEstimate estimate = results.get(function).estimate();
			Resources own = estimate.resources().plus(localMemory(function));
			total = total.plus(own.times(instances.get(function)));
			List<LoopEstimate> loops = estimate.loops();
			if (function == top) {
				loops = new ArrayList<>(loads);
				loops.addAll(estimate.loops());
				loops.addAll(stores);
			}
			functions.add(new FunctionEstimate(estimate.name(), estimate.top(), estimate.dataflow(), estimate.latency(), estimate.interval(),
					calls.get(function), List.copyOf(loops), estimate.stages(), own));
		}
		for (IrBuffer global : module.getGlobals()) {
			total = total.plus(memories.of(global));
		}
		FunctionEstimate design = results.get(top).estimate();
		long latency = design.latency() + ioLatency;
		long interval = design.dataflow() ? Math.max(design.interval(), ioLatency) : latency;
		return new EstimateReport(top.getName(), device.deviceName(), device.clockMhz(), latency, interval, total, device.capacity(),
				List.copyOf(functions), List.copyOf(allNotes));
	}

	private FunctionEstimator.Result estimateFunction(IrFunction function, Map<IrFunction, FunctionEstimator.Result> results,
			Effects effects, List<String> notes) {
		FunctionEstimator.Result known = results.get(function);
		if (known != null) {
			return known;
		}
		FunctionEstimator.Result result = new FunctionEstimator(function, device, storage, operations, effects,
				callee -> estimateFunction(callee, results, effects, notes), notes).estimate();
		results.put(function, result);
		return result;
	}

	/** Callers before callees (reverse post-order of the call graph from the top). */
	private static List<IrFunction> callOrder(IrFunction top, Map<IrFunction, FunctionEstimator.Result> results) {
		List<IrFunction> postOrder = new ArrayList<>();
		visit(top, results, new HashMap<>(), postOrder);
		List<IrFunction> order = new ArrayList<>(postOrder);
		java.util.Collections.reverse(order);
		return order;
	}

	private static void visit(IrFunction function, Map<IrFunction, FunctionEstimator.Result> results, Map<IrFunction, Boolean> seen,
			List<IrFunction> postOrder) {
		if (seen.put(function, true) != null) {
			return;
		}
		results.get(function).calls().keySet().forEach(callee -> visit(callee, results, seen, postOrder));
		postOrder.add(function);
	}

	private Resources localMemory(IrFunction function) {
		Resources total = Resources.NONE;
		var contents = function.getBody().eAllContents();
		while (contents.hasNext()) {
			if (contents.next() instanceof IrAlloc alloc) {
				total = total.plus(memories.of(alloc.getBuffer()));
			}
		}
		return total;
	}

	/** Allo's wrap_io: each tensor parameter is loaded into an on-chip copy, each written one and each result stored back. */
	private Resources copies(IrFunction top, Effects effects, List<LoopEstimate> loads, List<LoopEstimate> stores) {
		Resources memory = Resources.NONE;
		var written = effects.writtenParams(top);
		for (int i = 0; i < top.getParams().size(); i++) {
			IrValue param = top.getParams().get(i);
			if (param instanceof IrBuffer buffer && buffer.getType() instanceof IrTensorType) {
				memory = memory.plus(memories.of(buffer));
				loads.add(copy(top, "load_" + buffer.getName(), Storage.elements(buffer)));
				if (written.contains(i)) {
					stores.add(copy(top, "store_" + buffer.getName(), Storage.elements(buffer)));
				}
			}
		}
		for (int i = 0; i < top.getResults().size(); i++) {
			IrType result = top.getResults().get(i);
			if (result instanceof IrTensorType tensor) {
				long elements = tensor.getShape().stream().reduce(1L, (a, b) -> a * b);
				stores.add(copy(top, top.getResults().size() == 1 ? "store_result" : "store_result" + i, elements));
			}
		}
		return memory;
	}

	private LoopEstimate copy(IrFunction top, String name, long elements) {
		long depth = device.number("io.copy.startup");
		long latency = depth + elements;
		return new LoopEstimate(top.getName(), name, null, 0, elements, true, Mode.COPY, 1, 1,
				List.of(new IiLimit(IiLimit.Kind.REQUESTED, 1, "on-chip copy of a top-level array (wrap_io)")), depth, latency, 1, List.of());
	}
}
