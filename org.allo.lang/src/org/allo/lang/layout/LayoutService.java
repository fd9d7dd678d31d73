package org.allo.lang.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.allo.lang.allo.Expr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.ImportedName;
import org.allo.lang.allo.ListExpr;
import org.allo.lang.allo.MemberExpr;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.StringLiteral;
import org.allo.lang.allo.TupleExpr;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.ScheduleSteps.Step;
import org.allo.lang.scoping.LexicalBindings;
import org.allo.lang.scoping.Members;
import org.allo.lang.scoping.StatementReferences;
import org.allo.lang.scoping.Names;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.IResourceScopeCache;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Layout inference for a module, computed once per resource state: the validators report its
 * conflicts, and editors ask it for the layout of a tensor.
 */
@Singleton
public class LayoutService {

	@Inject
	private Members members;

	@Inject
	private StatementReferences references;

	@Inject
	private LexicalBindings bindings;

	@Inject
	private IResourceScopeCache cache;

	private final LayoutLattice lattice = new LayoutLattice(LayoutLattice.Mode.STRICT);

	public LayoutLattice lattice() {
		return lattice;
	}

	public ModuleLayouts of(Module module) {
		return cache.get(LayoutService.class, module.eResource(), () -> compute(module));
	}

	/**
	 * The layout of a tensor in the designs that partition it: the first schedule (in source order)
	 * that no other schedule composes and that gives the tensor a partitioned layout, else the first
	 * composed one that does; unpartitioned when none does; empty when it is not a tensor.
	 */
	public Optional<Layout> layoutOf(Referable tensor) {
		Module module = EcoreUtil2.getContainerOfType(tensor, Module.class);
		if (module == null) {
			return Optional.empty();
		}
		ModuleLayouts layouts = of(module);
		LayoutVariable variable = layouts.variableOf(tensor);
		if (variable == null) {
			return Optional.empty();
		}
		List<ModuleLayouts.ScheduleLayout> designsFirst = new ArrayList<>(layouts.schedules());
		designsFirst.sort(Comparator.comparing(schedule -> layouts.isComposed(schedule.schedule())));
		for (ModuleLayouts.ScheduleLayout schedule : designsFirst) {
			Layout layout = schedule.solution().layoutOf(variable);
			if (!layout.isNone()) {
				return Optional.of(layout);
			}
		}
		return Optional.of(Layout.none(variable.rank()));
	}

	/**
	 * The tensor a step's tensor argument names: {@code s.A}, {@code "A"}, {@code "kernel:A"}, or a
	 * handle variable ({@code lb = s.reuse_at(...)}); null when it does not resolve.
	 */
	public Referable tensorOf(Schedule schedule, Expr reference) {
		if (reference instanceof MemberExpr member) {
			return Names.targetOf(member);
		}
		if (reference instanceof NameRef handle) {
			return Names.targetOf(handle);
		}
		if (reference instanceof StringLiteral literal && literal.getValue() != null) {
			String text = literal.getValue();
			int colon = text.indexOf(':');
			FunctionDef kernel = colon < 0 ? schedule.kernel() : kernelNamed(literal, text.substring(0, colon));
			String name = text.substring(colon + 1);
			if (kernel != null) {
				for (Referable tensor : members.kernelTensors(kernel)) {
					if (name.equals(Names.nameOf(tensor))) {
						return tensor;
					}
				}
			}
		}
		return null;
	}

	/** The resolved tensor argument ({@code target}) of a step; null when absent or unresolved. */
	public Referable targetOf(Schedule schedule, Step step) {
		Expr target = ScheduleSteps.argumentsByParameter(step).get("target");
		return target == null ? null : tensorOf(schedule, target);
	}

	/** The kernel a name means at a place (also an imported one); null when it names none. */
	public FunctionDef kernelNamed(EObject context, String name) {
		Referable target = bindings.lookup(context, name);
		for (int i = 0; target instanceof ImportedName imported && i < 16; i++) {
			target = imported.getTarget();
		}
		return target instanceof FunctionDef kernel ? kernel : null;
	}

	/**
	 * The layouts of a design after a partition step (of the design or of a schedule it composes):
	 * the design's requirements up to the last one that step made; empty when it made none (its
	 * target is a buffer a pass created, which the checker does not see).
	 */
	public Optional<LayoutSolution> solutionAfter(Schedule design, Step step) {
		ModuleLayouts layouts = of(EcoreUtil2.getContainerOfType(design.binding(), Module.class));
		List<Requirement> requirements = layouts.of(design).requirements();
		int end = 0;
		for (int i = 0; i < requirements.size(); i++) {
			if (requirements.get(i).source() instanceof PartitionStep partition && partition.step().equals(step)) {
				end = i + 1;
			}
		}
		return end == 0 ? Optional.empty() : Optional.of(new LayoutSolver(lattice).solve(layouts.graph(), requirements.subList(0, end)));
	}

	private ModuleLayouts compute(Module module) {
		LayoutGraphBuilder builder = new LayoutGraphBuilder(members).addKernels(references.of(module).functions());
		ModuleLayouts layouts = new ModuleLayouts(builder);
		List<Schedule> schedules = ScheduleSteps.of(module);
		LayoutSolver solver = new LayoutSolver(lattice);
		for (Schedule schedule : schedules) {
			List<Requirement> requirements = new ArrayList<>();
			collectRequirements(schedule, null, schedules, builder, requirements, new HashSet<>(), layouts.composed());
			layouts.add(new ModuleLayouts.ScheduleLayout(schedule, partitions(schedule), requirements,
					solver.solve(builder.graph(), requirements)));
		}
		return layouts;
	}

	private List<PartitionStep> partitions(Schedule schedule) {
		List<PartitionStep> result = new ArrayList<>();
		for (Step step : schedule.steps()) {
			if ("partition".equals(step.name())) {
				result.add(PartitionStep.of(step, targetOf(schedule, step)));
			}
		}
		return result;
	}

	/**
	 * The schedule's requirements in step order, a composed schedule's at its compose step. A
	 * schedule composed with {@code id=...} partitions that instance of its kernel. {@code composing}
	 * holds the schedules being expanded, so that a schedule composing itself stops.
	 */
	private void collectRequirements(Schedule schedule, String instance, List<Schedule> all, LayoutGraphBuilder graph,
			List<Requirement> sink, Set<Schedule> composing, Set<Schedule> composedOnes) {
		if (!composing.add(schedule)) {
			return;
		}
		for (Step step : schedule.steps()) {
			if ("partition".equals(step.name())) {
				PartitionStep partition = PartitionStep.of(step, targetOf(schedule, step));
				String targetInstance = partition.kernel() == schedule.kernel() ? instance : null;
				LayoutVariable variable = graph.variable(partition.target(), targetInstance);
				addRequirements(partition, variable != null ? variable : graph.variable(partition.target(), null), sink);
			} else if ("compose".equals(step.name())) {
				String id = ScheduleSteps.argumentsByParameter(step).get("id") instanceof StringLiteral literal ? literal.getValue() : null;
				for (Schedule composed : composedSchedules(step, all)) {
					composedOnes.add(composed);
					collectRequirements(composed, id, all, graph, sink, composing, composedOnes);
				}
			}
		}
		composing.remove(schedule);
	}

	private static void addRequirements(PartitionStep partition, LayoutVariable variable, List<Requirement> sink) {
		if (variable == null) {
			return;
		}
		for (int dim : partition.dims(variable.rank())) {
			DimLayout layout = partition.layout(variable.size(dim));
			if (layout != null) {
				sink.add(new Requirement(variable, dim, layout, placeOf(partition.step()), partition));
			}
		}
	}

	/** The schedules a {@code compose(s1)} or {@code compose([s1, s2])} step names. */
	public static List<Schedule> composedSchedules(Step step, List<Schedule> all) {
		Expr argument = ScheduleSteps.argumentsByParameter(step).get("schs");
		List<Expr> names = argument instanceof ListExpr list ? list.getElements()
				: argument instanceof TupleExpr tuple ? tuple.getElements() : argument == null ? List.of() : List.of(argument);
		List<Schedule> result = new ArrayList<>();
		for (Expr name : names) {
			Referable target = Names.targetOf(name);
			for (Schedule schedule : all) {
				if (schedule.binding() == target) {
					result.add(schedule);
				}
			}
		}
		return result;
	}

	/** "file.allo:12": where a step is, as layout messages cite it. */
	public static String placeOf(Step step) {
		String file = step.call().eResource() == null ? "?" : step.call().eResource().getURI().lastSegment();
		return file + ":" + NodeModelUtils.getNode(step.call()).getStartLine();
	}
}
