package org.allo.lang.schedule.passes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.allo.lang.allo.Expr;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrVar;
import org.allo.lang.schedule.analysis.Dependence;
import org.allo.lang.schedule.analysis.DependenceAnalysis;
import org.allo.lang.schedule.analysis.DirectionVector;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;

/**
 * {@code reorder(*axes)}: the named loops of one perfect nest take the nest positions they held,
 * in the order given (outermost first); loops not named keep their places, as in Allo. Refused
 * when the loops are not one perfect nest, when a loop's bounds read another loop of the nest,
 * when the nest can return early, or when a dependence would be reversed (its direction vector,
 * permuted, would start with {@code >}). Dependences of an accumulation over reduction loops do
 * not count: reordering those loops only re-associates the sum (exact for integers and fixed
 * point; floats may round differently, which {@code allo sim --check} tolerates).
 */
public class ReorderPass implements SchedulePass {

	@Override
	public String primitive() {
		return "reorder";
	}

	@Override
	public StepResult apply(PassContext context) throws ScheduleError {
		List<Expr> arguments = context.positionalArguments();
		if (arguments.size() < 2) {
			throw context.error(context.step().call(), IssueCodes.SCHEDULE_NEST, "reorder needs at least 2 loops, outermost first");
		}
		List<IrFor> named = new ArrayList<>();
		for (Expr argument : arguments) {
			IrFor loop = context.loop(argument);
			if (named.contains(loop)) {
				throw context.error(argument, IssueCodes.SCHEDULE_NEST, "loop '" + loop.getLoopName() + "' is named twice");
			}
			named.add(loop);
		}
		List<IrFor> nest = nestHolding(named, arguments, context);
		List<Integer> positions = new ArrayList<>();
		for (int level = 0; level < nest.size(); level++) {
			if (named.contains(nest.get(level))) {
				positions.add(level);
			}
		}
		checkRectangular(nest, context);
		if (LoopNests.returnsEarly(nest.get(0))) {
			throw context.error(context.step().call(), IssueCodes.SCHEDULE_NEST,
					"reorder cannot move loops around a return: the nest may stop early, and the order decides where");
		}
		int[] order = new int[nest.size()];
		for (int level = 0; level < nest.size(); level++) {
			order[level] = level;
		}
		for (int k = 0; k < positions.size(); k++) {
			order[positions.get(k)] = nest.indexOf(named.get(k));
		}
		checkDependences(nest, order, context);
		permute(nest, order);
		return StepResult.NONE;
	}

	/** The perfect nest from the outermost to the innermost named loop, or a refusal naming the loop that breaks it. */
	private static List<IrFor> nestHolding(List<IrFor> named, List<Expr> arguments, PassContext context) throws ScheduleError {
		IrFor outermost = named.stream().filter(loop -> named.stream().noneMatch(other -> other != loop && encloses(other, loop)))
				.findFirst().orElseThrow();
		List<IrFor> perfect = LoopNests.perfectNest(outermost);
		for (int k = 0; k < named.size(); k++) {
			if (!perfect.contains(named.get(k))) {
				throw context.error(arguments.get(k), IssueCodes.SCHEDULE_NEST, "cannot reorder: loop '" + named.get(k).getLoopName()
						+ "' is not in the perfect nest under '" + outermost.getLoopName() + "' (" + names(perfect)
						+ "); only loops nested directly one inside the other, with nothing else between them, can be permuted");
			}
		}
		int innermost = named.stream().mapToInt(perfect::indexOf).max().orElseThrow();
		return perfect.subList(0, innermost + 1);
	}

	private static boolean encloses(IrFor outer, IrFor inner) {
		for (EObject node = inner.eContainer(); node != null; node = node.eContainer()) {
			if (node == outer) {
				return true;
			}
		}
		return false;
	}

	private static void checkRectangular(List<IrFor> nest, PassContext context) throws ScheduleError {
		Set<IrVar> vars = new HashSet<>();
		for (IrFor loop : nest) {
			if (LoopNests.reads(loop.getLower(), vars) || LoopNests.reads(loop.getUpper(), vars)) {
				throw context.error(context.step().call(), IssueCodes.SCHEDULE_BOUNDS, "cannot reorder: the bounds of loop '"
						+ loop.getLoopName() + "' depend on an enclosing loop of the nest (" + names(nest)
						+ "); only rectangular nests can be permuted");
			}
			vars.add(loop.getVar());
		}
	}

	private static void checkDependences(List<IrFor> nest, int[] order, PassContext context) throws ScheduleError {
		for (Dependence dependence : DependenceAnalysis.of(nest.get(0)).dependences()) {
			if (dependence.reduction()) {
				continue;
			}
			for (DirectionVector vector : dependence.vectors()) {
				DirectionVector nestPart = new DirectionVector(vector.directions().subList(0, nest.size()),
						vector.distances().subList(0, nest.size()));
				DirectionVector permuted = nestPart.permuted(order);
				if (permuted.carryingLevel() >= 0 && !permuted.isLexicographicallyPositive()) {
					throw context.error(context.step().call(), IssueCodes.SCHEDULE_DEPENDENCE, "reorder would reverse the "
							+ dependence.describe() + ": in the order " + names(permuted(nest, order))
							+ " the sink would run before its source; keep a loop that carries it outside the others");
				}
			}
		}
	}

	private static List<IrFor> permuted(List<IrFor> nest, int[] order) {
		List<IrFor> result = new ArrayList<>();
		for (int level : order) {
			result.add(nest.get(level));
		}
		return result;
	}

	/** Moves each loop's header (variable, bounds, step, name, settings) to its new level; the bodies stay. */
	private static void permute(List<IrFor> nest, int[] order) {
		List<Header> headers = nest.stream().map(Header::of).toList();
		for (int level = 0; level < nest.size(); level++) {
			headers.get(order[level]).applyTo(nest.get(level));
		}
	}

	private record Header(IrVar var, IrExpr lower, IrExpr upper, long step, String name, boolean reduction, int pipelineII,
			boolean rewind, int unrollFactor, boolean parallel, boolean dataflow) {

		static Header of(IrFor loop) {
			return new Header(loop.getVar(), loop.getLower(), loop.getUpper(), loop.getStep(), loop.getLoopName(), loop.isReduction(),
					loop.getPipelineII(), loop.isRewind(), loop.getUnrollFactor(), loop.isParallel(), loop.isDataflow());
		}

		void applyTo(IrFor loop) {
			loop.setVar(var);
			loop.setLower(lower);
			loop.setUpper(upper);
			loop.setStep(step);
			loop.setLoopName(name);
			loop.setReduction(reduction);
			loop.setPipelineII(pipelineII);
			loop.setRewind(rewind);
			loop.setUnrollFactor(unrollFactor);
			loop.setParallel(parallel);
			loop.setDataflow(dataflow);
		}
	}

	private static String names(List<IrFor> loops) {
		return String.join(", ", loops.stream().map(IrFor::getLoopName).toList());
	}
}
