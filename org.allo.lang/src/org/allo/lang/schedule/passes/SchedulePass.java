package org.allo.lang.schedule.passes;

/**
 * One schedule primitive of LANGUAGE.md §4 as an IR-to-IR pass. A pass checks legality first and
 * throws {@link ScheduleError} before touching the IR when the step is illegal, so a refused step
 * never leaves a half-rewritten program behind.
 */
public interface SchedulePass {

	/** The primitive's name as written in a schedule ({@code "split"}). */
	String primitive();

	/** Rewrites {@code context.state()} and returns the handles the step returns to the user. */
	StepResult apply(PassContext context) throws ScheduleError;
}
