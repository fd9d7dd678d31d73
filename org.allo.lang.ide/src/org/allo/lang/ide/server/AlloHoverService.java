package org.allo.lang.ide.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.ForStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.LoopVar;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.StringLiteral;
import org.allo.lang.layout.LayoutService;
import org.allo.lang.schedule.LoopBounds;
import org.allo.lang.schedule.LoopTable;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.estimate.EstimateReport;
import org.allo.lang.ide.ir.IrView;
import org.allo.lang.ide.server.ScheduleEstimates.Estimated;
import org.allo.lang.scoping.Names;
import org.allo.lang.types.Type;
import org.allo.lang.types.TypeService;
import org.allo.lang.types.UnknownType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import com.google.inject.Inject;

/**
 * Hover: the type of a name, the layout a schedule gives a tensor, a loop's band and trip count,
 * a kernel's signature and loops; on a string in a schedule, what it names. The documentation
 * comment above a definition follows.
 */
public class AlloHoverService extends HoverService {

	@Inject
	private TypeService types;

	@Inject
	private LayoutService layouts;

	@Inject
	private ScheduleStrings scheduleStrings;

	@Inject
	private ScheduleEstimates estimates;

	@Override
	public String getContents(EObject element) {
		Object target = element instanceof StringLiteral literal ? scheduleStrings.targetOf(literal) : element;
		List<String> parts = new ArrayList<>();
		if (target instanceof FunctionDef function) {
			parts.add(code(signature(function)));
			if (EcoreUtil2.getContainerOfType(function, ClassDef.class) == null) {
				parts.add(loops(function));
			}
		} else if (target instanceof LoopVar loop) {
			parts.add(code(loop.getName() + ": index"));
			parts.add(loop(loop));
			estimate(element, loop).ifPresent(parts::add);
		} else if (target instanceof ScheduleStrings.Band band) {
			parts.add("band `" + band.name() + "` of kernel `" + band.kernel().getName() + "`");
		} else if (target instanceof Referable referable && !(target instanceof ClassDef)) {
			String value = valueHover(referable);
			if (value != null) {
				parts.add(value);
			}
		}
		String documentation = target instanceof EObject object ? super.getContents(object) : null;
		if (documentation != null && !documentation.isBlank()) {
			parts.add(documentation);
		}
		parts.removeIf(String::isEmpty);
		return String.join("\n\n", parts);
	}

	/**
	 * On a schedule string, the estimate after its step (before it when the step consumed the
	 * loop, as split does); on the loop in the kernel, the estimate after the kernel's schedule.
	 */
	private Optional<String> estimate(EObject element, LoopVar loop) {
		if (element instanceof StringLiteral literal && EcoreUtil2.getRootContainer(literal) instanceof Module module) {
			Optional<ScheduleSteps.Located> located = ScheduleSteps.stepAt(module, NodeModelUtils.getNode(literal).getOffset());
			if (located.isEmpty()) {
				return Optional.empty();
			}
			Schedule schedule = located.get().schedule();
			List<EstimateReport> reports = estimates.afterEachStep(schedule);
			int after = Math.min(located.get().step().number(), reports.size() - 1);
			return after < 0 ? Optional.empty()
					: EstimateHover.of(new Estimated(schedule, after, reports.get(after)), null, literal.getValue())
							.or(() -> after == 0 ? Optional.empty()
									: EstimateHover.of(new Estimated(schedule, after - 1, reports.get(after - 1)), null, literal.getValue()));
		}
		FunctionDef design = IrView.outermostFunction(loop);
		FunctionDef kernel = EcoreUtil2.getContainerOfType(loop, FunctionDef.class);
		return design == null ? Optional.empty()
				: estimates.finalFor(design).flatMap(estimated -> EstimateHover.of(estimated, kernel.getName(), loop.getName()));
	}

	private String valueHover(Referable referable) {
		String name = Names.nameOf(referable);
		Type type = types.typeOf(referable);
		if (name == null || type == null || type instanceof UnknownType) {
			return null;
		}
		StringBuilder text = new StringBuilder(code(name + ": " + type.display()));
		layouts.layoutOf(referable).filter(layout -> !layout.isNone())
				.ifPresent(layout -> text.append("\n\nlayout (per dimension): ").append(layout));
		return text.toString();
	}

	private static String signature(FunctionDef function) {
		List<String> params = new ArrayList<>();
		for (Param param : function.getParams()) {
			params.add(NodeModelUtils.getTokenText(NodeModelUtils.getNode(param)));
		}
		String result = function.getReturnType() == null ? ""
				: " -> " + NodeModelUtils.getTokenText(NodeModelUtils.getNode(function.getReturnType()));
		return "def " + function.getName() + "(" + String.join(", ", params) + ")" + result;
	}

	private static String loops(FunctionDef kernel) {
		LoopTable table = LoopTable.of(kernel);
		if (table.loops().isEmpty()) {
			return "";
		}
		List<String> names = new ArrayList<>();
		for (LoopTable.Loop loop : table.loops()) {
			names.add(loop.name());
		}
		return "loops: " + String.join(", ", names) + "; bands: " + String.join(", ", table.bands().keySet());
	}

	static String loop(LoopVar var) {
		FunctionDef kernel = EcoreUtil2.getContainerOfType(var, FunctionDef.class);
		StringBuilder text = new StringBuilder("loop `" + var.getName() + "`");
		if (kernel != null) {
			for (LoopTable.Loop loop : LoopTable.of(kernel).loops()) {
				if (loop.var() == var) {
					text.append(" of band `").append(loop.band()).append("` in kernel `").append(kernel.getName()).append('`');
				}
			}
		}
		LoopBounds bounds = var.eContainer() instanceof ForStmt loop ? LoopBounds.of(loop, var) : null;
		if (bounds != null) {
			text.append("; range(").append(bounds.lower()).append(", ").append(bounds.upper()).append(", ").append(bounds.step())
					.append("), trip count ").append(bounds.tripCount());
		}
		return text.toString();
	}

	private static String code(String text) {
		return "```allo\n" + text + "\n```";
	}
}
