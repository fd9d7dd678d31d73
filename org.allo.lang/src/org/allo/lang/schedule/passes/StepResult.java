package org.allo.lang.schedule.passes;

import java.util.List;

/**
 * What a step returns to the schedule ({@code lb = s.reuse_at(...)}, {@code s.fuse(...)}): the
 * names of the loops or buffers it created, in the order Allo returns them.
 */
public record StepResult(List<String> handles) {

	public static final StepResult NONE = new StepResult(List.of());

	public static StepResult of(String... handles) {
		return new StepResult(List.of(handles));
	}
}
