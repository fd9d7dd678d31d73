package org.allo.lang.schedule.passes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.allo.lang.allo.Expr;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.builder.IrNodes;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * {@code fuse(*axes)}: coalesces loops nested directly one inside the other (outermost first)
 * into one loop {@code i_j_fused} over the product of their trip counts; each old variable is
 * recomputed from the fused one with {@code //} and {@code %}. The iterations run in the same
 * order as before, so no dependence can be violated; what is checked is the shape: contiguous,
 * perfectly nested, constant bounds. Returns the fused loop.
 */
public class FusePass implements SchedulePass {

	@Override
	public String primitive() {
		return "fuse";
	}

	@Override
	public StepResult apply(PassContext context) throws ScheduleError {
		List<Expr> arguments = context.positionalArguments();
		if (arguments.size() < 2) {
			throw context.error(context.step().call(), IssueCodes.SCHEDULE_NEST, "fuse needs at least 2 loops, outermost first");
		}
		List<IrFor> loops = new ArrayList<>();
		for (Expr argument : arguments) {
			IrFor loop = context.loop(argument);
			if (!loops.isEmpty() && !directlyInside(loops.get(loops.size() - 1), loop)) {
				throw context.error(argument, IssueCodes.SCHEDULE_NEST, "cannot fuse: loop '" + loop.getLoopName()
						+ "' is not the only statement in the body of '" + loops.get(loops.size() - 1).getLoopName()
						+ "'; name loops nested directly one inside the other, from outermost to innermost");
			}
			loops.add(loop);
		}
		long[] lowers = new long[loops.size()];
		long[] trips = new long[loops.size()];
		Set<IrVar> vars = new HashSet<>();
		for (int k = 0; k < loops.size(); k++) {
			IrFor loop = loops.get(k);
			if (LoopNests.reads(loop.getLower(), vars) || LoopNests.reads(loop.getUpper(), vars)) {
				throw context.error(arguments.get(k), IssueCodes.SCHEDULE_BOUNDS, "cannot fuse: the bounds of loop '" + loop.getLoopName()
						+ "' depend on an enclosing loop being fused; only rectangular nests can be fused");
			}
			lowers[k] = LoopNests.constantLower(loop, context, arguments.get(k));
			trips[k] = LoopNests.constantTripCount(loop, context, arguments.get(k));
			vars.add(loop.getVar());
		}
		return StepResult.of(fuse(loops, lowers, trips, context));
	}

	private static boolean directlyInside(IrFor outer, IrFor inner) {
		return outer.getBody().getStatements().size() == 1 && outer.getBody().getStatements().get(0) == inner;
	}

	private static String fuse(List<IrFor> loops, long[] lowers, long[] trips, PassContext context) {
		List<String> names = loops.stream().map(IrFor::getLoopName).toList();
		String name = String.join("_", names) + "_fused";
		long total = 1;
		for (long trip : trips) {
			total = Math.multiplyExact(total, trip);
		}
		IrFor outer = loops.get(0);
		IrFor innermost = loops.get(loops.size() - 1);
		IrFor fused = LoopNests.loop(name, name.replace('.', '_'), total, outer.getBandName());
		fused.setReduction(loops.stream().allMatch(IrFor::isReduction));
		IrVar var = fused.getVar();
		long stride = total;
		for (int k = 0; k < loops.size(); k++) {
			stride /= Math.max(trips[k], 1);
			long divisor = stride;
			long trip = trips[k];
			long lower = lowers[k];
			long step = loops.get(k).getStep();
			boolean first = k == 0;
			LoopNests.substitute(innermost.getBody(), loops.get(k).getVar(), () -> original(var, divisor, trip, lower, step, first));
		}
		fused.getBody().getStatements().addAll(List.copyOf(innermost.getBody().getStatements()));
		EcoreUtil.replace(outer, fused);
		names.forEach(context::consume);
		context.state().create(name);
		return name;
	}

	/** {@code lower + step·((fused // divisor) % trip)}; the outermost loop needs no {@code %}. */
	private static IrExpr original(IrVar fused, long divisor, long trip, long lower, long step, boolean outermost) {
		IrExpr position = LoopNests.index(IrBinaryOp.FLOOR_DIV, IrNodes.ref(fused), LoopNests.constant(divisor));
		if (!outermost) {
			position = LoopNests.index(IrBinaryOp.MOD, position, LoopNests.constant(trip));
		}
		return LoopNests.index(IrBinaryOp.ADD, LoopNests.constant(lower), LoopNests.index(IrBinaryOp.MUL, position, LoopNests.constant(step)));
	}
}
