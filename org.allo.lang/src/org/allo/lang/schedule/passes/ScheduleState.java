package org.allo.lang.schedule.passes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.allo.lang.allo.Referable;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.ScheduleSteps.Step;

/**
 * The IR of one schedule as its steps rewrite it, with what names mean at the current step:
 * names consumed by an earlier step (stale, with the step that consumed them) and the values
 * the user bound to a step's result ({@code lb = s.reuse_at(...)}).
 */
public final class ScheduleState {

	private final IrModule module;
	private final IrFunction top;
	private final Schedule design;
	private final Map<String, Step> consumed = new HashMap<>();
	private final Map<Referable, String> boundHandles = new HashMap<>();

	public ScheduleState(IrModule module, IrFunction top, Schedule design) {
		this.module = module;
		this.top = top;
		this.design = design;
	}

	/** The schedule being applied: the design whose layouts the partition steps solve (composed schedules included). */
	public Schedule design() {
		return design;
	}

	public IrModule module() {
		return module;
	}

	/** The customised kernel's instance: where unqualified names are looked up. */
	public IrFunction top() {
		return top;
	}

	/** Marks a loop or band name as consumed by {@code step}; using it later is an error naming that step. */
	public void consume(String name, Step step) {
		consumed.put(name, step);
	}

	/** A name created again by a later step (a split of a fused loop's name) is live again. */
	public void create(String name) {
		consumed.remove(name);
	}

	public Optional<Step> consumedBy(String name) {
		return Optional.ofNullable(consumed.get(name));
	}

	public void bind(Referable variable, String handle) {
		boundHandles.put(variable, handle);
	}

	public Optional<String> handleOf(Referable variable) {
		return Optional.ofNullable(boundHandles.get(variable));
	}
}
