package org.allo.lang.validation.incremental;

import java.util.List;
import java.util.function.Consumer;

import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.eclipse.emf.common.util.DiagnosticChain;

/**
 * Runs a module check that goes schedule by schedule. This one runs it over all the schedules at
 * once, as a single check of a file does ({@code allo check}); the editor's
 * {@link KeptComponentChecks} runs it per component and replays what an unchanged component reported.
 */
public class ComponentChecks {

	/**
	 * Runs {@code check} over the schedules, in groups that do not reach each other; what it reports
	 * goes to {@code chain}. {@code topic} names the check (what is kept for one check is not another's).
	 */
	public void run(String topic, List<Schedule> schedules, DiagnosticChain chain, Consumer<List<Schedule>> check) {
		check.accept(schedules);
	}
}
