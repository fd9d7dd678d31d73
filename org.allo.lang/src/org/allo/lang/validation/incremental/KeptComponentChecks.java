package org.allo.lang.validation.incremental;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.util.TopLevel;
import org.allo.lang.validation.incremental.StatementDiagnostics.Kept;
import org.allo.lang.validation.incremental.StatementUnits.Component;
import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;

import com.google.inject.Inject;

/**
 * Runs a module check per component of schedules ({@link StatementUnits}): a component whose key is
 * known gets what the check reported for it before, so an edit re-runs the check only for the
 * schedules it reaches. When one schedule has no component (the module refers to another user
 * file), the check runs over all of them afresh.
 */
public class KeptComponentChecks extends ComponentChecks {

	@Inject
	private StatementUnits units;

	@Inject
	private StatementDiagnostics kept;

	@Override
	public void run(String topic, List<Schedule> schedules, DiagnosticChain chain, Consumer<List<Schedule>> check) {
		Map<Component, List<Schedule>> groups = groups(schedules);
		if (groups == null || !(chain instanceof BasicDiagnostic diagnostics)) {
			check.accept(schedules);
			return;
		}
		groups.forEach((component, group) -> {
			String key = topic + ":" + component.key();
			List<Kept> before = kept.get(key);
			if (before != null) {
				before.forEach(diagnostic -> diagnostics.add(diagnostic.on(component.members())));
				return;
			}
			int first = diagnostics.getChildren().size();
			check.accept(group);
			List<Diagnostic> reported = diagnostics.getChildren();
			kept.put(key, component.members(), List.copyOf(reported.subList(first, reported.size())));
		});
	}

	/** The schedules by component, in source order; null when one has none. */
	private Map<Component, List<Schedule>> groups(List<Schedule> schedules) {
		Map<Component, List<Schedule>> groups = new LinkedHashMap<>();
		for (Schedule schedule : schedules) {
			Component component = units.componentOf(TopLevel.statementOf(schedule.binding()));
			if (component == null) {
				return null;
			}
			groups.computeIfAbsent(component, key -> new ArrayList<>()).add(schedule);
		}
		return groups;
	}
}
