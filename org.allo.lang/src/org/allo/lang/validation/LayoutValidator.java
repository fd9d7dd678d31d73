package org.allo.lang.validation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.allo.lang.allo.BoolLiteral;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.MemberExpr;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.layout.DimLayout;
import org.allo.lang.layout.DimLayout.Kind;
import org.allo.lang.layout.LayoutService;
import org.allo.lang.layout.LayoutSolution.Conflict;
import org.allo.lang.layout.LayoutVariable;
import org.allo.lang.layout.ModuleLayouts;
import org.allo.lang.layout.ModuleLayouts.ScheduleLayout;
import org.allo.lang.layout.PartitionStep;
import org.allo.lang.layout.Requirement;
import org.allo.lang.layout.TensorShapes;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.ScheduleSteps.Step;
import org.allo.lang.scoping.Names;
import org.allo.lang.validation.incremental.ComponentChecks;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/**
 * The layout type rules of {@code partition} steps (LANGUAGE.md §4): arguments Allo accepts but
 * cannot mean (a Block/Cyclic factor below 1, a dimension the tensor lacks), Allo's one-partition-
 * per-dimension rules, partitions of streams and of {@code m_axi} ports, and conflicting layouts
 * that meet through calls and composition, reported at every partition involved.
 */
public class LayoutValidator extends CheckGroup {

	@Inject
	private LayoutService layouts;

	@Inject
	private ComponentChecks componentChecks;

	/** Per group of schedules that do not reach each other, so that an editor re-checks only the groups an edit reaches. */
	@Check
	public void layouts(Module module) {
		componentChecks.run("layouts", ScheduleSteps.of(module), getChain(), group -> checkLayouts(module, group));
	}

	private void checkLayouts(Module module, List<Schedule> group) {
		ModuleLayouts moduleLayouts = layouts.of(module);
		Set<NameRef> bindings = new HashSet<>();
		group.forEach(schedule -> bindings.add(schedule.binding()));
		Set<List<Object>> reported = new HashSet<>();
		for (ScheduleLayout schedule : moduleLayouts.schedules()) {
			if (!bindings.contains(schedule.schedule().binding())) {
				continue;
			}
			checkSteps(moduleLayouts, schedule);
			checkWrapIo(moduleLayouts, schedule, reported);
			for (Conflict conflict : schedule.solution().conflicts()) {
				reportConflict(moduleLayouts, conflict, reported);
			}
		}
	}

	/** Per-step rules, on the schedule's own steps. */
	private void checkSteps(ModuleLayouts moduleLayouts, ScheduleLayout schedule) {
		Map<Referable, Map<Integer, PartitionStep>> earlier = new HashMap<>();
		Set<Referable> streamed = streamedTensors(schedule);
		for (PartitionStep partition : schedule.partitions()) {
			Referable target = partition.target();
			if (target == null) {
				continue;
			}
			if (TensorShapes.isStream(target) || streamed.contains(target)) {
				error("cannot partition " + Names.nameOf(target) + ": it is a stream ("
						+ (TensorShapes.isStream(target) ? "declared as Stream" : "turned into a FIFO by to(...) in this schedule")
						+ "), and a FIFO has no banks; remove this partition", targetOf(partition), IssueCodes.LAYOUT_PARTITION_STREAM);
				continue;
			}
			checkFactor(partition);
			LayoutVariable variable = moduleLayouts.variableOf(target);
			if (partition.dim() != null && !checkDim(partition, variable)) {
				continue;
			}
			if (partition.dim() != null) {
				checkRepeated(partition, earlier.computeIfAbsent(target, t -> new HashMap<>()));
			}
		}
	}

	private void checkFactor(PartitionStep partition) {
		if (!partition.hasValidFactor()) {
			String kind = partition.kind() == Kind.BLOCK ? "Block" : "Cyclic";
			error(kind + " partition of " + Names.nameOf(partition.target()) + " needs factor >= 1 (the number of "
					+ (partition.kind() == Kind.BLOCK ? "blocks" : "banks") + "), not " + partition.factor()
					+ "; give factor=N, or use Partition.Complete for one bank per element", factorOrStep(partition),
					IssueCodes.LAYOUT_INVALID_FACTOR);
		}
	}

	private boolean checkDim(PartitionStep partition, LayoutVariable variable) {
		int dim = partition.dim();
		if (dim < 0 || (variable != null && dim > variable.rank())) {
			String range = variable == null ? "1.." : "1.." + variable.rank();
			error("dim=" + dim + " is not a dimension of " + Names.nameOf(partition.target()) + "; use 0 (all dimensions) or "
					+ range, argumentOrStep(partition, "dim"), IssueCodes.LAYOUT_INVALID_DIM);
			return false;
		}
		return true;
	}

	/** Allo's rules: one partition per dimension, and dim=0 (all) never with per-dimension ones. */
	private void checkRepeated(PartitionStep partition, Map<Integer, PartitionStep> earlier) {
		String name = Names.nameOf(partition.target());
		int dim = partition.dim();
		PartitionStep all = earlier.get(0);
		PartitionStep same = earlier.get(dim);
		if (same != null) {
			error(name + " is already partitioned on " + (dim == 0 ? "all dimensions" : "dim " + dim) + " by step "
					+ same.step().number() + " (line " + lineOf(same.step().call()) + "); a dimension takes one partition per schedule: merge the two calls",
					targetOf(partition), IssueCodes.LAYOUT_DUPLICATE_DIM);
		} else if (dim == 0 && !earlier.isEmpty() || dim != 0 && all != null) {
			PartitionStep other = dim == 0 ? earlier.values().iterator().next() : all;
			error("cannot mix dim=0 (all dimensions) with per-dimension partitions of " + name + ": step "
					+ other.step().number() + " (line " + lineOf(other.step().call()) + ") partitions "
					+ (dim == 0 ? "dim " + other.dim() : "all dimensions") + "; partition each dimension separately instead",
					targetOf(partition), IssueCodes.LAYOUT_MIXED_DIMS);
		} else {
			earlier.put(dim, partition);
		}
	}

	private Set<Referable> streamedTensors(ScheduleLayout schedule) {
		Set<Referable> result = new HashSet<>();
		for (Step step : schedule.schedule().steps()) {
			if ("to".equals(step.name())) {
				Referable target = layouts.targetOf(schedule.schedule(), step);
				if (target != null) {
					result.add(target);
				}
			}
		}
		return result;
	}

	/** {@code build(..., wrap_io=False)} makes the top's arguments m_axi ports, which Vitis cannot partition. */
	private void checkWrapIo(ModuleLayouts moduleLayouts, ScheduleLayout schedule, Set<List<Object>> reported) {
		FunctionDef top = schedule.schedule().kernel();
		Step build = unwrappedBuild(schedule);
		if (top == null || build == null) {
			return;
		}
		for (Param param : top.getParams()) {
			LayoutVariable argument = moduleLayouts.variableOf(param);
			if (argument == null) {
				continue;
			}
			for (Requirement requirement : schedule.requirements()) {
				if (requirement.layout().kind() != Kind.NONE && schedule.solution().joined(argument, requirement.variable())) {
					PartitionStep partition = (PartitionStep) requirement.source();
					report(reported, "cannot partition " + Names.nameOf(partition.target()) + ": it is "
							+ (partition.target() == param ? "" : "passed from ") + "argument " + param.getName() + " of the top kernel "
							+ top.getName() + ", which build(..., wrap_io=False) on line " + lineOf(build.call())
							+ " makes an m_axi port, and Vitis cannot partition m_axi ports; drop wrap_io=False (arguments are then copied on chip) or partition a local copy",
							targetOf(partition), IssueCodes.LAYOUT_PARTITION_MAXI);
				}
			}
		}
	}

	private static Step unwrappedBuild(ScheduleLayout schedule) {
		for (Step step : schedule.schedule().steps()) {
			if ("build".equals(step.name()) && ScheduleSteps.argumentsByParameter(step).get("wrap_io") instanceof BoolLiteral wrap
					&& !wrap.isValue()) {
				return step;
			}
		}
		return null;
	}

	private void reportConflict(ModuleLayouts moduleLayouts, Conflict conflict, Set<List<Object>> reported) {
		Requirement at = conflict.at();
		Requirement other = conflict.other();
		PartitionStep partition = (PartitionStep) at.source();
		String message = "layout mismatch for " + at.variable().name() + " (dim " + at.dim() + "): " + other.layout()
				+ " required " + describe(moduleLayouts, at, other) + " conflicts with " + at.layout() + " (" + at.place()
				+ "); make the two partitions agree";
		report(reported, message, targetOf(partition), IssueCodes.LAYOUT_MISMATCH, fixFor(partition, at.dim(), other.layout()));
	}

	/** Where the other requirement comes from, seen from the variable the conflict is reported on. */
	private static String describe(ModuleLayouts moduleLayouts, Requirement at, Requirement other) {
		if (at.variable() == other.variable()) {
			return "at " + other.place();
		}
		FunctionDef here = moduleLayouts.kernelOf(at.variable());
		FunctionDef there = moduleLayouts.kernelOf(other.variable());
		String relation = here == there ? "kernel" : moduleLayouts.calls(here, there) ? "callee"
				: moduleLayouts.calls(there, here) ? "caller" : "kernel";
		return "by " + relation + " " + other.variable().kernel() + " (" + other.variable().describe() + ", " + other.place() + ")";
	}

	/** The partition call that would agree with the other requirement: the quick fix's replacement text. */
	private static String fixFor(PartitionStep partition, int dim, DimLayout layout) {
		Step step = partition.step();
		String receiver = NodeModelUtils.getTokenText(NodeModelUtils.getNode(((MemberExpr) step.call().getCallee()).getReceiver()));
		String target = NodeModelUtils.getTokenText(NodeModelUtils.getNode(targetOf(partition)));
		return partitionCall(receiver, target, dim, layout);
	}

	/** {@code s.partition(s.A, partition_type=Partition.Cyclic, dim=2, factor=4)}. */
	static String partitionCall(String schedule, String target, int dim, DimLayout layout) {
		String kind = switch (layout.kind()) {
		case BLOCK -> "Block";
		case CYCLIC -> "Cyclic";
		default -> "Complete";
		};
		String factor = layout.factor() > 0 ? ", factor=" + layout.factor() : "";
		return schedule + ".partition(" + target + ", partition_type=Partition." + kind + ", dim=" + dim + factor + ")";
	}

	private static Expr targetOf(PartitionStep partition) {
		return partition.argument("target");
	}

	private static EObject argumentOrStep(PartitionStep partition, String parameter) {
		Expr given = ScheduleSteps.argumentsByParameter(partition.step()).get(parameter);
		return given != null ? given : partition.step().call();
	}

	private static EObject factorOrStep(PartitionStep partition) {
		return argumentOrStep(partition, "factor");
	}

	private static int lineOf(EObject element) {
		return NodeModelUtils.getNode(element).getStartLine();
	}

	private void report(Set<List<Object>> reported, String message, EObject place, String code, String... data) {
		if (reported.add(List.of(place, message))) {
			error(message, place, null, code, data);
		}
	}

	private void error(String message, EObject place, String code) {
		error(message, place, null, code);
	}
}
