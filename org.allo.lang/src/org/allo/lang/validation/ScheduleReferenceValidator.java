package org.allo.lang.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.StringLiteral;
import org.allo.lang.linking.Suggestions;
import org.allo.lang.schedule.LoopNaming;
import org.allo.lang.schedule.LoopTable;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.RoleArgument;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.ScheduleSteps.Step;
import org.allo.lang.allo.ImportedName;
import org.allo.lang.scoping.Binding;
import org.allo.lang.scoping.LexicalBindings;
import org.allo.lang.scoping.Members;
import org.allo.lang.scoping.Names;
import org.allo.lang.scoping.StatementReferences;
import org.allo.lang.util.Digests;
import org.allo.lang.validation.incremental.ComponentChecks;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/**
 * String references in schedules ({@code "j"}, {@code "gemm:j"}, {@code "i.outer"}, {@code "C"})
 * checked against the customised kernel as it stands at that step: names a step creates (split,
 * fuse) exist from the next step on, and names a step consumes are stale afterwards.
 */
public class ScheduleReferenceValidator extends CheckGroup {

	@Inject
	private Members members;

	@Inject
	private LexicalBindings bindings;

	@Inject
	private StatementReferences references;

	@Inject
	private ComponentChecks componentChecks;

	/**
	 * Per group of schedules that do not reach each other (an editor re-checks only the groups an
	 * edit reaches); the messages list every kernel of the module, so the kernels' names are part of
	 * what a group's outcome is kept under.
	 */
	@Check
	public void scheduleReferences(Module module) {
		// Collected once per module: walking the whole module for every qualified reference made
		// checking quadratic in the module's size.
		List<FunctionDef> kernels = references.of(module).functions();
		Map<String, FunctionDef> kernelsByName = new HashMap<>();
		for (FunctionDef kernel : kernels) {
			if (kernel.getName() != null) {
				kernelsByName.putIfAbsent(kernel.getName(), kernel);
			}
		}
		String topic = "scheduleReferences:" + Digests.hex(String.join(",", kernels.stream().map(FunctionDef::getName).map(String::valueOf).toList()));
		componentChecks.run(topic, ScheduleSteps.of(module), getChain(), group -> {
			for (Schedule schedule : group) {
				if (schedule.kernel() != null) {
					new Replay(module, schedule, kernels, kernelsByName).run();
				}
			}
		});
	}

	/** The loop names of each kernel as the steps of one schedule change them. */
	private final class Replay {
		private final Module module;
		private final Schedule schedule;
		/** Every kernel of the module in source order, nested ones included. */
		private final List<FunctionDef> kernels;
		/** The first kernel of each name in {@link #kernels}. */
		private final Map<String, FunctionDef> kernelsByName;
		private final LoopNaming naming;

		Replay(Module module, Schedule schedule, List<FunctionDef> kernels, Map<String, FunctionDef> kernelsByName) {
			this.module = module;
			this.schedule = schedule;
			this.kernels = kernels;
			this.kernelsByName = kernelsByName;
			this.naming = new LoopNaming(schedule.kernel());
		}

		void run() {
			for (Step step : schedule.steps()) {
				List<String> loops = new ArrayList<>();
				for (RoleArgument argument : ScheduleSteps.roleArguments(step)) {
					if (argument.value() instanceof StringLiteral literal && literal.getValue() != null) {
						String loop = check(step, literal, argument.role());
						if (loop != null) {
							loops.add(loop);
						}
					}
				}
				naming.apply(step, loops);
			}
		}

		/** Reports a wrong reference; returns the loop name when the role is a loop that exists. */
		private String check(Step step, StringLiteral literal, String role) {
			String text = literal.getValue();
			FunctionDef kernel = schedule.kernel();
			String name = text;
			int colon = text.indexOf(':');
			if (colon >= 0) {
				kernel = kernelNamed(text.substring(0, colon));
				name = text.substring(colon + 1);
				if (kernel == null) {
					error(literal, "unknown kernel '" + text.substring(0, colon) + "' in '" + text + "'; kernels are: "
							+ String.join(", ", kernelNames()), IssueCodes.UNKNOWN_KERNEL);
					return null;
				}
			}
			switch (role) {
			case "LoopRef":
				return checkLoop(literal, kernel, name) ? name : null;
			case "TensorRef":
				checkTensor(literal, kernel, name);
				return null;
			case "BandRef":
				checkBand(literal, kernel, name, false);
				return null;
			case "KernelRef":
				if (kernelNamed(name) == null) {
					error(literal, "unknown kernel '" + name + "'; kernels are: " + String.join(", ", kernelNames()),
							IssueCodes.UNKNOWN_KERNEL);
				}
				return null;
			case "BandOrKernelRef":
				if (colon < 0 && kernelNamed(name) != null) {
					return null;
				}
				checkBand(literal, kernel, name, true);
				return null;
			case "LoopOrKernelRef":
				if (colon < 0 && kernelNamed(name) != null) {
					return null;
				}
				return checkLoop(literal, kernel, name) ? name : null;
			default:
				return null;
			}
		}

		private boolean checkLoop(StringLiteral literal, FunctionDef kernel, String name) {
			if (createdIn(kernel).containsKey(name)) {
				return true;
			}
			Step consumer = consumedIn(kernel).get(name);
			if (consumer != null) {
				error(literal, "loop '" + name + "' no longer exists: step " + consumer.number() + " (" + consumer.name()
						+ " on line " + lineOf(consumer) + ") replaced it; use " + replacements(kernel, consumer),
						IssueCodes.STALE_LOOP);
				return false;
			}
			LoopTable table = table(kernel);
			Set<String> bands = new LinkedHashSet<>();
			for (LoopTable.Loop loop : table.loops()) {
				if (loop.name().equals(name) || (loop.band() + "." + loop.name()).equals(name)) {
					bands.add(loop.band());
				}
			}
			if (bands.size() == 1) {
				return true;
			}
			if (bands.size() > 1) {
				error(literal, "loop '" + name + "' is ambiguous in kernel " + kernel.getName() + ": it appears in bands "
						+ String.join(", ", bands) + "; write '" + bands.iterator().next() + "." + name + "' to pick one",
						IssueCodes.AMBIGUOUS_LOOP);
				return false;
			}
			List<String> live = liveLoops(kernel);
			error(literal, "unknown loop '" + name + "' in kernel " + kernel.getName() + "; loops are: "
					+ (live.isEmpty() ? "(none)" : String.join(", ", live)) + Suggestions.didYouMean(name, live),
					IssueCodes.UNKNOWN_LOOP);
			return false;
		}

		private void checkTensor(StringLiteral literal, FunctionDef kernel, String name) {
			List<String> tensors = new ArrayList<>();
			for (Referable tensor : members.kernelTensors(kernel)) {
				tensors.add(Names.nameOf(tensor));
			}
			if (!tensors.contains(name)) {
				error(literal, "unknown tensor '" + name + "' in kernel " + kernel.getName() + "; tensors are: "
						+ String.join(", ", tensors) + Suggestions.didYouMean(name, tensors), IssueCodes.UNKNOWN_TENSOR);
			}
		}

		private void checkBand(StringLiteral literal, FunctionDef kernel, String name, boolean orKernel) {
			Set<String> bands = table(kernel).bands().keySet();
			if (!bands.contains(name)) {
				error(literal, "unknown band '" + name + "' in kernel " + kernel.getName() + "; bands are: "
						+ String.join(", ", bands) + (orKernel ? " (or name a kernel)" : "")
						+ Suggestions.didYouMean(name, bands), IssueCodes.UNKNOWN_BAND);
			}
		}

		private String replacements(FunctionDef kernel, Step consumer) {
			List<String> names = new ArrayList<>();
			createdIn(kernel).forEach((name, step) -> {
				if (step == consumer) {
					names.add("'" + name + "'");
				}
			});
			return names.isEmpty() ? "the loops it created" : String.join(" or ", names);
		}

		private List<String> liveLoops(FunctionDef kernel) {
			return naming.liveLoops(kernel);
		}

		private LoopTable table(FunctionDef kernel) {
			return naming.table(kernel);
		}

		private Map<String, Step> createdIn(FunctionDef kernel) {
			return naming.createdIn(kernel);
		}

		private Map<String, Step> consumedIn(FunctionDef kernel) {
			return naming.consumedIn(kernel);
		}

		private FunctionDef kernelNamed(String name) {
			FunctionDef local = kernelsByName.get(name);
			if (local != null) {
				return local;
			}
			List<Binding> imported = bindings.bindingsOf(module).get(name);
			if (imported != null && imported.get(0).target() instanceof ImportedName importedName
					&& importedName.getTarget() instanceof FunctionDef kernel) {
				return kernel;
			}
			return null;
		}

		private List<String> kernelNames() {
			List<String> names = new ArrayList<>();
			for (FunctionDef candidate : kernels) {
				names.add(candidate.getName());
			}
			return names;
		}

		private int lineOf(Step step) {
			return NodeModelUtils.getNode(step.call()).getStartLine();
		}

		private void error(StringLiteral literal, String message, String code) {
			ScheduleReferenceValidator.this.error(message, literal, null, code);
		}
	}
}
