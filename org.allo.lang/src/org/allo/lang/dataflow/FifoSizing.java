package org.allo.lang.dataflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.interpreter.Fifo;
import org.allo.lang.interpreter.Fifos;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrEval;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStreamType;

import com.google.inject.Inject;

/**
 * Infers the depths a region's source leaves out ({@code Stream[T]}): the region runs with those
 * FIFOs unbounded under the lock-step scheduler, and each stream gets the most items any of its
 * FIFOs held (at least 1). With that depth no put of the trace finds its FIFO full, so the trace
 * is the same, without stalls or deadlock, and a smaller depth would stall the put that filled it.
 * A stream array gets one depth, its fullest FIFO's; the stream parameters of the instances it
 * feeds get the same depth, so every IrStreamType of the FIFO says it.
 */
public class FifoSizing {

	@Inject
	private RegionTrial trial;

	/**
	 * What sizing did: the inferred depth per stream name, or why the omitted depths could not be
	 * inferred (they stay 0: unbounded in the simulator).
	 */
	public record Sizes(Map<String, Integer> depths, String problem) {
	}

	/** Sets each omitted depth of the module's top region in place and marks it inferred. */
	public Sizes sizeOmittedDepths(IrModule module) {
		RegionTrial.Outcome outcome = trial.run(module);
		Map<String, Integer> depths = new LinkedHashMap<>();
		boolean omitted = outcome.streams().keySet().stream().anyMatch(buffer -> ((IrStreamType) buffer.getType()).getDepth() == 0);
		if (outcome.fault() != null) {
			return new Sizes(depths, omitted ? outcome.fault().getMessage() : null);
		}
		for (Map.Entry<IrBuffer, Fifos> stream : outcome.streams().entrySet()) {
			IrBuffer buffer = stream.getKey();
			if (((IrStreamType) buffer.getType()).getDepth() == 0) {
				int depth = Math.max(1, stream.getValue().all().stream().mapToInt(Fifo::highWater).max().orElse(1));
				setInferred((IrStreamType) buffer.getType(), depth);
				parametersFedBy(buffer).forEach(type -> setInferred(type, depth));
				depths.put(buffer.getName(), depth);
			}
		}
		return new Sizes(depths, null);
	}

	private static void setInferred(IrStreamType type, int depth) {
		type.setDepth(depth);
		type.setDepthInferred(true);
	}

	/** The stream parameters of the instances the region passes a FIFO of {@code stream} to. */
	private static List<IrStreamType> parametersFedBy(IrBuffer stream) {
		List<IrStreamType> types = new ArrayList<>();
		IrBlock body = (IrBlock) stream.eContainer().eContainer();
		for (IrStatement statement : body.getStatements()) {
			if (statement instanceof IrEval eval && eval.getExpr() instanceof IrCall call) {
				for (int i = 0; i < call.getArgs().size(); i++) {
					if (call.getArgs().get(i) instanceof IrLoad load && load.getBuffer() == stream
							&& call.getFunction().getParams().get(i).getType() instanceof IrStreamType param) {
						types.add(param);
					}
				}
			}
		}
		return types;
	}
}
