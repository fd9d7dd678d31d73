package org.allo.lang.layout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Referable;
import org.allo.lang.schedule.ScheduleSteps.Schedule;

/**
 * The layouts of one module. Each schedule is its own design (Allo's schedules each own a copy of
 * the module): its requirements are its own {@code partition} steps plus those of the schedules it
 * composes, solved over the module's call graph.
 */
public final class ModuleLayouts {

	/** One schedule's partition steps (its own), all requirements it is solved with, and the result. */
	public record ScheduleLayout(Schedule schedule, List<PartitionStep> partitions, List<Requirement> requirements,
			LayoutSolution solution) {
	}

	private final LayoutGraphBuilder graph;
	private final Map<Schedule, ScheduleLayout> schedules = new LinkedHashMap<>();
	private final Set<Schedule> composed = new HashSet<>();

	ModuleLayouts(LayoutGraphBuilder graph) {
		this.graph = graph;
	}

	void add(ScheduleLayout layout) {
		schedules.put(layout.schedule(), layout);
	}

	public List<ScheduleLayout> schedules() {
		return new ArrayList<>(schedules.values());
	}

	/** Whether another schedule composes this one (so it is part of a design, not a design itself). */
	public boolean isComposed(Schedule schedule) {
		return composed.contains(schedule);
	}

	Set<Schedule> composed() {
		return composed;
	}

	public ScheduleLayout of(Schedule schedule) {
		return schedules.get(schedule);
	}

	/** The layout variable of a tensor (parameter, local buffer) shared by its kernel's calls; null when it has none. */
	public LayoutVariable variableOf(Referable tensor) {
		return graph.variable(tensor, null);
	}

	/** The layout variable of a tensor in the instance of its kernel called with id {@code instance}, else the shared one. */
	public LayoutVariable variableOf(Referable tensor, String instance) {
		LayoutVariable variable = instance == null ? null : graph.variable(tensor, instance);
		return variable != null ? variable : graph.variable(tensor, null);
	}

	LayoutGraph graph() {
		return graph.graph();
	}

	/** The kernel a variable belongs to. */
	public FunctionDef kernelOf(LayoutVariable variable) {
		return graph.owners().get(variable);
	}

	/** Whether {@code caller}'s body calls {@code callee}. */
	public boolean calls(FunctionDef caller, FunctionDef callee) {
		return graph.calls().contains(List.of(caller, callee));
	}
}
