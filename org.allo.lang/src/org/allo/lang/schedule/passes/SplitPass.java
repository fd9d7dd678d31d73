package org.allo.lang.schedule.passes;

import java.util.List;

import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrIf;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.builder.IrNodes;
import org.allo.lang.schedule.analysis.AffineForm;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * {@code split(axis, factor)}: loop {@code i} becomes {@code i.outer} over the tiles and
 * {@code i.inner} over {@code factor} iterations of each tile, with {@code i} rewritten to
 * {@code lower + step·(i.outer·factor + i.inner)}. Iterations run in the same order, so the
 * result is unchanged. A factor that does not divide the trip count gets a bound guard
 * {@code if i.outer·factor + i.inner < trip}, pushed to the innermost body of the perfect nest
 * below so that the nest stays perfect for later steps. Allo's check {@code factor >= trip count}
 * (and a factor below 1) is a refusal. Pipeline, unroll and parallel settings of {@code i} go
 * to {@code i.inner}.
 */
public class SplitPass implements SchedulePass {

	@Override
	public String primitive() {
		return "split";
	}

	@Override
	public StepResult apply(PassContext context) throws ScheduleError {
		IrFor loop = context.loop("axis");
		long factor = context.integer("factor", 0);
		if (context.argument("factor").isEmpty()) {
			throw context.error(context.step().call(), IssueCodes.SCHEDULE_ARGUMENT, "split needs its 'factor' argument: split(\""
					+ loop.getLoopName() + "\", 4)");
		}
		long lower = LoopNests.constantLower(loop, context, context.location("axis"));
		long trip = LoopNests.constantTripCount(loop, context, context.location("axis"));
		if (factor < 1) {
			throw context.error(context.location("factor"), IssueCodes.SCHEDULE_FACTOR,
					"split factor must be at least 1, not " + factor);
		}
		if (factor >= trip) {
			throw context.error(context.location("factor"), IssueCodes.SCHEDULE_FACTOR, "split factor " + factor
					+ " is not smaller than the trip count " + trip + " of loop '" + loop.getLoopName()
					+ "' (Allo: the requested tiling factor is larger than the upper bound); use a factor below " + trip);
		}
		String name = loop.getLoopName();
		IrFor outer = LoopNests.loop(name + ".outer", loop.getVar().getName() + "_outer", (trip + factor - 1) / factor, loop.getBandName());
		IrFor inner = LoopNests.loop(name + ".inner", loop.getVar().getName() + "_inner", factor, loop.getBandName());
		outer.setReduction(loop.isReduction());
		inner.setReduction(loop.isReduction());
		moveSettings(loop, inner);
		outer.getBody().getStatements().add(inner);
		IrVar outerVar = outer.getVar();
		IrVar innerVar = inner.getVar();
		long step = loop.getStep();
		LoopNests.substitute(loop.getBody(), loop.getVar(), () -> original(outerVar, innerVar, factor, lower, step));
		inner.getBody().getStatements().addAll(List.copyOf(loop.getBody().getStatements()));
		if (trip % factor != 0) {
			guard(inner, LoopNests.index(IrBinaryOp.ADD, LoopNests.index(IrBinaryOp.MUL, IrNodes.ref(outerVar), LoopNests.constant(factor)),
					IrNodes.ref(innerVar)), trip);
		}
		EcoreUtil.replace(loop, outer);
		context.consume(name);
		context.state().create(outer.getLoopName());
		context.state().create(inner.getLoopName());
		return StepResult.of(outer.getLoopName(), inner.getLoopName());
	}

	private static IrExpr original(IrVar outer, IrVar inner, long factor, long lower, long step) {
		IrExpr tile = LoopNests.index(IrBinaryOp.ADD, LoopNests.index(IrBinaryOp.MUL, IrNodes.ref(outer), LoopNests.constant(factor)),
				IrNodes.ref(inner));
		return LoopNests.index(IrBinaryOp.ADD, LoopNests.constant(lower), LoopNests.index(IrBinaryOp.MUL, tile, LoopNests.constant(step)));
	}

	private static void moveSettings(IrFor from, IrFor to) {
		to.setPipelineII(from.getPipelineII());
		to.setRewind(from.isRewind());
		to.setUnrollFactor(from.getUnrollFactor());
		to.setParallel(from.isParallel());
		to.setDataflow(from.isDataflow());
	}

	/**
	 * Wraps the innermost body of the perfect nest under {@code inner} in {@code if position < trip}.
	 * Loops whose bounds read memory stop the descent: evaluating them past the end could fail.
	 */
	private static void guard(IrFor inner, IrExpr position, long trip) {
		IrFor innermost = inner;
		List<IrFor> nest = LoopNests.perfectNest(inner);
		for (IrFor candidate : nest.subList(1, nest.size())) {
			if (!boundsAreAffine(candidate)) {
				break;
			}
			innermost = candidate;
		}
		IrIf branch = IrFactory.eINSTANCE.createIrIf();
		branch.setCondition(IrNodes.binary(IrBinaryOp.LT, position, LoopNests.constant(trip), IrNodes.bool()));
		IrBlock then = IrNodes.block();
		then.getStatements().addAll(List.copyOf(innermost.getBody().getStatements()));
		branch.setThen(then);
		innermost.getBody().getStatements().add(branch);
	}

	private static boolean boundsAreAffine(IrFor loop) {
		return AffineForm.of(loop.getLower(), v -> true).isPresent() && AffineForm.of(loop.getUpper(), v -> true).isPresent();
	}
}
