package org.allo.lang.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.schedule.ScheduleSteps.Step;

/**
 * The loop names of a schedule's kernels as its steps change them, replayed step by step: split
 * and fuse consume loops and create new ones ({@code i.outer}, {@code i.inner},
 * {@code i_j_fused}) that exist from the next step on. The checker and the editor replay with it;
 * a replay through the schedule passes can take its place once they exist.
 */
public final class LoopNaming {

	private final FunctionDef scheduled;
	private final Map<FunctionDef, LoopTable> tables = new HashMap<>();
	private final Map<FunctionDef, Map<String, Step>> created = new HashMap<>();
	private final Map<FunctionDef, Map<String, Step>> consumed = new HashMap<>();

	/** A replay for a schedule of {@code scheduled} (the kernel passed to allo.customize). */
	public LoopNaming(FunctionDef scheduled) {
		this.scheduled = scheduled;
	}

	/** Applies a step's naming effects, given the loops its loop arguments name (as written). */
	public void apply(Step step, List<String> loops) {
		if (loops.isEmpty()) {
			return;
		}
		switch (step.name()) {
		case "split" -> {
			String loop = unqualified(loops.get(0));
			consume(loops.get(0), step);
			createdIn(scheduled).put(loop + ".outer", step);
			createdIn(scheduled).put(loop + ".inner", step);
		}
		case "fuse" -> {
			List<String> names = new ArrayList<>();
			for (String loop : loops) {
				consume(loop, step);
				names.add(unqualified(loop));
			}
			createdIn(scheduled).put(String.join("_", names) + "_fused", step);
		}
		default -> {
		}
		}
	}

	/** The loops of {@code kernel} that steps created and that still exist, with the step that made each. */
	public Map<String, Step> createdIn(FunctionDef kernel) {
		return created.computeIfAbsent(kernel, k -> new HashMap<>());
	}

	/** The loops of {@code kernel} that steps replaced, with the step that did. */
	public Map<String, Step> consumedIn(FunctionDef kernel) {
		return consumed.computeIfAbsent(kernel, k -> new HashMap<>());
	}

	/** The loop names {@code kernel} has at this point of the replay: written loops not replaced, then created ones. */
	public List<String> liveLoops(FunctionDef kernel) {
		Set<String> live = new LinkedHashSet<>();
		for (LoopTable.Loop loop : table(kernel).loops()) {
			if (!consumedIn(kernel).containsKey(loop.name())) {
				live.add(loop.name());
			}
		}
		live.addAll(createdIn(kernel).keySet());
		return new ArrayList<>(live);
	}

	public LoopTable table(FunctionDef kernel) {
		return tables.computeIfAbsent(kernel, LoopTable::of);
	}

	private void consume(String loop, Step step) {
		createdIn(scheduled).remove(loop);
		consumedIn(scheduled).put(loop, step);
	}

	/** "band.i" names loop i of that band; the loops a step creates are named after i alone. */
	private String unqualified(String loop) {
		int dot = loop.indexOf('.');
		if (dot > 0 && table(scheduled).bands().containsKey(loop.substring(0, dot))) {
			return loop.substring(dot + 1);
		}
		return loop;
	}
}
