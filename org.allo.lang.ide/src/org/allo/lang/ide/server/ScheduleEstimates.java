package org.allo.lang.ide.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.estimate.DeviceModel;
import org.allo.lang.estimate.EstimateReport;
import org.allo.lang.estimate.Estimator;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.lowering.LoweredKernels;
import org.allo.lang.lowering.LoweringResult;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * The estimates behind the editor's latency hints and loop hovers (issue 11): for a schedule, the
 * estimate of its kernel before any step and after each step; for a kernel without a schedule,
 * that of the kernel. Computed on first use and kept until the file changes, so that a hover
 * after the first one costs a lookup.
 */
@Singleton
public class ScheduleEstimates {

	private final Estimator estimator = new Estimator(DeviceModel.u280());

	@Inject
	private ScheduleApplier applier;

	@Inject
	private LoweredKernels loweredKernels;

	@Inject
	private IResourceScopeCache cache;

	/**
	 * Element {@code n} is the estimate after step {@code n} (0: the unscheduled kernel). The list
	 * ends before a refused step; it is empty when the kernel cannot be lowered.
	 */
	public List<EstimateReport> afterEachStep(Schedule schedule) {
		return cache.get(Tuples.pair(ScheduleEstimates.class, schedule.binding()), schedule.binding().eResource(), () -> compute(schedule));
	}

	/** The estimate of the kernel after the whole schedule of the file that customises it last, else of the kernel alone. */
	public Optional<Estimated> finalFor(FunctionDef kernel) {
		Schedule last = null;
		if (kernel.eResource().getContents().get(0) instanceof Module module) {
			for (Schedule schedule : ScheduleSteps.of(module)) {
				if (schedule.kernel() == kernel) {
					last = schedule;
				}
			}
		}
		if (last != null) {
			List<EstimateReport> reports = afterEachStep(last);
			return reports.isEmpty() ? Optional.empty() : Optional.of(new Estimated(last, reports.size() - 1, reports.get(reports.size() - 1)));
		}
		return cache.get(Tuples.pair(ScheduleEstimates.class, kernel), kernel.eResource(), () -> {
			LoweringResult lowered = loweredKernels.lower(kernel);
			return lowered.succeeded() ? Optional.of(new Estimated(null, 0, estimator.estimate(lowered.module(), List.of()))) : Optional.empty();
		});
	}

	/** An estimate and what it is of: after {@code step} steps of {@code schedule} (null: the kernel alone). */
	public record Estimated(Schedule schedule, int step, EstimateReport report) {
	}

	private List<EstimateReport> compute(Schedule schedule) {
		AppliedSchedule unscheduled = applier.apply(schedule, 0, (step, module) -> {
		});
		if (!unscheduled.succeeded()) {
			return List.of();
		}
		List<EstimateReport> reports = new ArrayList<>();
		reports.add(estimator.estimate(unscheduled.module(), List.of()));
		// the passes rewrite one module in place: each step's IR is estimated before the next step changes it
		applier.apply(schedule, schedule.steps().size(), (step, module) -> reports.add(estimator.estimate(module, List.of())));
		return List.copyOf(reports);
	}
}
