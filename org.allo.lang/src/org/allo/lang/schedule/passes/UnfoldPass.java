package org.allo.lang.schedule.passes;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.Expr;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * {@code unfold(band_name, axes=[...])}: spatial unrolling into processing elements. The loops of
 * the band at the given consecutive depths (0-based, constant bounds) are replaced by one copy of
 * their body per iteration, in iteration order, with the loop variables replaced by constants;
 * every kernel a copy calls is cloned for it ({@code kernel_0_1}), and loops inside a copy get the
 * copy's suffix, so each PE can be scheduled on its own. Returns the band name (the PE axes).
 */
public class UnfoldPass implements SchedulePass {

	@Override
	public String primitive() {
		return "unfold";
	}

	@Override
	public StepResult apply(PassContext context) throws ScheduleError {
		Expr bandArgument = context.argument("band_name").orElseThrow(() -> context.error(context.step().call(), IssueCodes.SCHEDULE_ARGUMENT,
				"unfold needs its 'band_name' argument"));
		String band = context.referenceText(bandArgument);
		IrFor outermost = Loops.find(context.state(), band).orElseThrow(() -> context.error(bandArgument, IssueCodes.UNKNOWN_BAND,
				"no band '" + band + "' in kernel '" + context.state().top().getSourceKernel() + "' at step " + context.step().number()));
		List<IrFor> bandLoops = bandLoops(outermost);
		List<Integer> axes = axes(context, bandLoops.size());
		List<IrFor> unfolded = bandLoops.subList(axes.get(0), axes.get(axes.size() - 1) + 1);
		for (int k = 0; k < unfolded.size(); k++) {
			IrFor loop = unfolded.get(k);
			if (IrEdits.tripCount(loop) == null || !Long.valueOf(0).equals(IrEdits.constantOf(loop.getLower())) || loop.getStep() != 1) {
				throw context.error(context.location("axes"), IssueCodes.SCHEDULE_UNFOLD, "cannot unfold loop '" + loop.getLoopName()
						+ "': it needs constant bounds from 0 with step 1");
			}
			if (k > 0 && !(unfolded.get(k - 1).getBody().getStatements().size() == 1 && unfolded.get(k - 1).getBody().getStatements().get(0) == loop)) {
				throw context.error(context.location("axes"), IssueCodes.SCHEDULE_UNFOLD, "cannot unfold loop '" + unfolded.get(k - 1).getLoopName()
						+ "' with '" + loop.getLoopName() + "': statements between them would be copied into every PE");
			}
		}
		IrFor top = unfolded.get(0);
		IrBlock parent = (IrBlock) top.eContainer();
		int position = parent.getStatements().indexOf(top);
		List<IrStatement> copies = new ArrayList<>();
		for (long[] pe : iterations(unfolded)) {
			copies.addAll(copy(context.state(), unfolded, pe));
		}
		parent.getStatements().remove(position);
		parent.getStatements().addAll(position, copies);
		for (IrFor loop : unfolded) {
			context.consume(loop.getLoopName());
		}
		return StepResult.of(band);
	}

	/** The band's loops from its outermost down, while each loop's body holds a loop of the same band. */
	private static List<IrFor> bandLoops(IrFor outermost) {
		List<IrFor> loops = new ArrayList<>(List.of(outermost));
		IrFor current = outermost;
		while (true) {
			String band = current.getBandName();
			IrFor next = current.getBody().getStatements().stream().filter(IrFor.class::isInstance).map(IrFor.class::cast)
					.filter(loop -> band != null && band.equals(loop.getBandName())).findFirst().orElse(null);
			if (next == null) {
				return loops;
			}
			loops.add(next);
			current = next;
		}
	}

	private static List<Integer> axes(PassContext context, int depth) throws ScheduleError {
		Object value = context.argument("axes").map(context::constant).orElse(null);
		if (!(value instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(BigInteger.class::isInstance)) {
			throw context.error(context.location("axes"), IssueCodes.SCHEDULE_ARGUMENT, "axes must be a list of band depths, e.g. [0, 1]");
		}
		List<Integer> axes = list.stream().map(a -> ((BigInteger) a).intValue()).toList();
		for (int i = 0; i < axes.size(); i++) {
			if (axes.get(i) < 0 || axes.get(i) >= depth) {
				throw context.error(context.location("axes"), IssueCodes.SCHEDULE_UNFOLD, "axis " + axes.get(i) + " is not a depth of the band, which has "
						+ depth + " loop(s): use 0.." + (depth - 1));
			}
			if (i > 0 && axes.get(i) != axes.get(i - 1) + 1) {
				throw context.error(context.location("axes"), IssueCodes.SCHEDULE_UNFOLD, "axes must be consecutive, e.g. [0, 1]; got " + axes);
			}
		}
		return axes;
	}

	private static List<long[]> iterations(List<IrFor> loops) {
		List<long[]> all = new ArrayList<>();
		all.add(new long[0]);
		for (IrFor loop : loops) {
			List<long[]> next = new ArrayList<>();
			for (long[] prefix : all) {
				for (long v = 0; v < IrEdits.tripCount(loop); v++) {
					long[] point = Arrays.copyOf(prefix, prefix.length + 1);
					point[prefix.length] = v;
					next.add(point);
				}
			}
			all = next;
		}
		return all;
	}

	/** One PE: the innermost unfolded loop's body with the loop variables fixed, its callees cloned and its loops renamed. */
	private static List<IrStatement> copy(ScheduleState state, List<IrFor> unfolded, long[] pe) {
		StringBuilder suffix = new StringBuilder();
		for (long v : pe) {
			suffix.append('_').append(v);
		}
		List<IrStatement> body = new ArrayList<>(EcoreUtil.copyAll(unfolded.get(unfolded.size() - 1).getBody().getStatements()));
		Map<IrFunction, IrFunction> clones = new HashMap<>();
		IrFunction caller = IrEdits.functionOf(unfolded.get(0));
		for (IrStatement statement : body) {
			for (int k = 0; k < unfolded.size(); k++) {
				long value = pe[k];
				IrEdits.substitute(statement, unfolded.get(k).getVar(), () -> IrEdits.index(value));
			}
			EcoreUtil.getAllContents(List.of(statement), false).forEachRemaining(node -> {
				if (node instanceof IrFor loop) {
					loop.setLoopName(loop.getLoopName() + suffix);
					loop.setBandName(loop.getBandName() == null ? null : loop.getBandName() + suffix);
				} else if (node instanceof IrCall call && call.getFunction() != null) {
					call.setFunction(clones.computeIfAbsent(call.getFunction(), callee -> clone(state, callee, suffix.toString(), caller)));
				}
			});
		}
		return body;
	}

	/** A copy of {@code callee} for one PE, placed just before the unfolded function (so clones stay in PE order). */
	private static IrFunction clone(ScheduleState state, IrFunction callee, String suffix, IrFunction caller) {
		IrFunction clone = EcoreUtil.copy(callee);
		clone.setName(callee.getName() + suffix);
		clone.setTop(false);
		List<IrFunction> functions = state.module().getFunctions();
		functions.add(functions.indexOf(caller), clone);
		return clone;
	}
}
