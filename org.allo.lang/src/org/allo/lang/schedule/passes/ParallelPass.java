package org.allo.lang.schedule.passes;

import java.util.Optional;

import org.allo.lang.ir.IrFor;
import org.allo.lang.schedule.analysis.Dependence;
import org.allo.lang.schedule.analysis.DependenceAnalysis;
import org.allo.lang.schedule.analysis.IterationEnumeration;
import org.allo.lang.validation.IssueCodes;

/**
 * {@code parallel(axis)}: marks a loop whose iterations may run at the same time. Allo checks
 * nothing; we refuse a loop that carries a dependence, since its iterations would race. An
 * accumulation over a reduction loop is allowed (a parallel reduction), as is a loop whose
 * iterations only touch their own elements. Subscripts outside the affine test (after a fuse) are
 * settled by enumerating the nest's iterations when it is small enough.
 */
public class ParallelPass implements SchedulePass {

	/** Statements and iterations an exact check may visit before the pass keeps the conservative answer. */
	private static final long ENUMERATION_LIMIT = 1 << 21;

	@Override
	public String primitive() {
		return "parallel";
	}

	@Override
	public StepResult apply(PassContext context) throws ScheduleError {
		IrFor loop = context.loop("axis");
		Optional<Dependence> carried = DependenceAnalysis.of(loop).carriedBy(loop).stream()
				.filter(dependence -> !dependence.reduction() && !disprovedByEnumeration(loop, dependence)).findFirst();
		if (carried.isPresent()) {
			throw context.error(context.location("axis"), IssueCodes.SCHEDULE_DEPENDENCE, "loop '" + loop.getLoopName()
					+ "' cannot run in parallel: it carries the " + carried.get().describe()
					+ "; parallelise a loop whose iterations are independent");
		}
		loop.setParallel(true);
		return StepResult.NONE;
	}

	/**
	 * Subscripts the affine test cannot read (the {@code //} and {@code %} a fuse leaves) make it
	 * assume a dependence; for a nest small enough, enumerating its iterations settles it exactly.
	 */
	private static boolean disprovedByEnumeration(IrFor loop, Dependence dependence) {
		boolean affine = dependence.source().isAffine() && dependence.sink().isAffine();
		return !affine && IterationEnumeration.conflictAcrossIterations(loop, dependence.source(), dependence.sink(), ENUMERATION_LIMIT)
				.map(conflict -> !conflict).orElse(false);
	}
}
