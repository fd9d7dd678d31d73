package org.allo.lang.ide.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.allo.codegen.project.BuildOptions;
import org.allo.lang.allo.BraceExpr;
import org.allo.lang.allo.BraceItem;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.IntLiteral;
import org.allo.lang.allo.ListExpr;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.StringLiteral;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.ScheduleSteps.Step;
import org.allo.lang.scoping.Names;
import org.allo.lang.validation.Diagnostic;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * What {@code allo build} builds (LANGUAGE.md §6): every {@code s.build(...)} statement of the file; with
 * {@code --schedule}/{@code --target}, or when there is none, the named (else the last) schedule, or the
 * last kernel when the file has no schedule. Option values that are not literals Allo accepts are
 * diagnostics at the argument.
 */
final class BuildRequests {

	/**
	 * One design: its kernel, its schedule (null for a bare kernel) and how many of its steps the
	 * design has (those before its build statement, else all), options, and where its project= is.
	 */
	record Design(FunctionDef kernel, Schedule schedule, int steps, BuildOptions options, EObject site) {
	}

	private static final Set<String> TARGETS = Set.of("vhls", "vivado_hls", "vitis_hls", "llvm");
	private static final Set<String> MODES = Set.of("csim", "csyn", "sw_emu", "hw_emu", "hw");

	private final List<Diagnostic> problems = new ArrayList<>();

	List<Diagnostic> problems() {
		return problems;
	}

	/** null when --schedule names no schedule of the module. */
	List<Design> designs(Module module, String scheduleName, String target) {
		List<Schedule> schedules = ScheduleSteps.of(module);
		if (scheduleName == null && target == null) {
			List<Design> fromStatements = fromBuildStatements(schedules);
			if (!fromStatements.isEmpty() || !problems.isEmpty()) {
				return fromStatements;
			}
		}
		String chosenTarget = target == null ? BuildOptions.VITIS_HLS : target;
		if (scheduleName != null) {
			Schedule named = schedules.stream().filter(s -> scheduleName.equals(s.binding().getRef() == null ? null
					: Names.nameOf(s.binding().getRef()))).findFirst().orElse(null);
			return named == null || named.kernel() == null ? null : List.of(design(named, chosenTarget));
		}
		if (!schedules.isEmpty() && schedules.get(schedules.size() - 1).kernel() != null) {
			return List.of(design(schedules.get(schedules.size() - 1), chosenTarget));
		}
		List<FunctionDef> kernels = module.getStatements().stream().filter(FunctionDef.class::isInstance).map(FunctionDef.class::cast)
				.toList();
		if (kernels.isEmpty()) {
			return List.of();
		}
		FunctionDef kernel = kernels.get(kernels.size() - 1);
		return List.of(new Design(kernel, null, 0, BuildOptions.defaults(chosenTarget, kernel.getName() + ".prj"), kernel));
	}

	private Design design(Schedule schedule, String target) {
		FunctionDef kernel = schedule.kernel();
		return new Design(kernel, schedule, schedule.steps().size(), BuildOptions.defaults(target, kernel.getName() + ".prj"), schedule.binding());
	}

	private List<Design> fromBuildStatements(List<Schedule> schedules) {
		List<Design> designs = new ArrayList<>();
		for (Schedule schedule : schedules) {
			for (Step step : schedule.steps()) {
				if ("build".equals(step.name()) && schedule.kernel() != null) {
					Design design = fromStatement(schedule, step);
					if (design != null) {
						designs.add(design);
					}
				}
			}
		}
		return designs;
	}

	private Design fromStatement(Schedule schedule, Step step) {
		Map<String, Expr> args = ScheduleSteps.argumentsByParameter(step);
		String target = string(args.get("target"), TARGETS, "llvm");
		String mode = string(args.get("mode"), MODES, "csim");
		String project = string(args.get("project"), null, schedule.kernel().getName() + ".prj");
		if (target == null || mode == null || project == null) {
			return null;
		}
		String normalisedTarget = "vivado_hls".equals(target) ? BuildOptions.VHLS : target;
		BuildOptions options = new BuildOptions(normalisedTarget, mode, project, "u280", 300, new LinkedHashMap<>(), null,
				new ArrayList<>(), BuildOptions.DEFAULT_SEED);
		Expr configs = args.get("configs");
		if (configs != null) {
			options = configs(configs, options);
		}
		if (options == null) {
			return null;
		}
		return new Design(schedule.kernel(), schedule, step.number() - 1, options, args.getOrDefault("project", step.call()));
	}

	private BuildOptions configs(Expr configs, BuildOptions options) {
		if (!(configs instanceof BraceExpr dict)) {
			return fail(configs, "configs must be a dict literal such as {\"device\": \"u280\", \"frequency\": 300}");
		}
		String device = options.device();
		int frequency = options.frequencyMhz();
		String slr = null;
		List<String> streams = new ArrayList<>();
		Map<String, String> mapping = new LinkedHashMap<>();
		for (BraceItem item : dict.getItems()) {
			String key = item.getKey() instanceof StringLiteral text ? text.getValue() : null;
			Expr value = item.getValue();
			if ("device".equals(key) && value instanceof StringLiteral text) {
				device = text.getValue();
			} else if ("frequency".equals(key) && value instanceof IntLiteral number && number.getValue().signum() > 0) {
				frequency = number.getValue().intValue();
			} else if ("slr".equals(key) && value instanceof StringLiteral text) {
				slr = text.getValue();
			} else if ("stream_connect".equals(key) && value instanceof ListExpr list
					&& list.getElements().stream().allMatch(StringLiteral.class::isInstance)) {
				list.getElements().forEach(e -> streams.add(((StringLiteral) e).getValue()));
			} else if (("hbm_mapping".equals(key) || "mappings".equals(key)) && value instanceof BraceExpr banks) {
				if (!memoryMapping(banks, mapping)) {
					return null;
				}
			} else {
				return fail(item, "configs entry " + (key == null ? "?" : "'" + key + "'")
						+ " is not understood; use \"device\": \"u280\", \"frequency\": 300, \"hbm_mapping\": {\"A\": 0},"
						+ " \"slr\": \"SLR0\" or \"stream_connect\": [\"k1.out:k2.in:16\"]");
			}
		}
		return new BuildOptions(options.target(), options.mode(), options.project(), device, frequency, mapping, slr, streams,
				options.seed());
	}

	/** {"A": 0, "B": "HBM[1]", "output_0": "DDR[0]"}: an integer n means HBM[n]. */
	private boolean memoryMapping(BraceExpr banks, Map<String, String> mapping) {
		for (BraceItem bank : banks.getItems()) {
			if (!(bank.getKey() instanceof StringLiteral name)) {
				fail(bank, "hbm_mapping keys are argument names in quotes, such as \"A\" or \"output_0\"");
				return false;
			}
			if (bank.getValue() instanceof IntLiteral number) {
				mapping.put(name.getValue(), "HBM[" + number.getValue() + "]");
			} else if (bank.getValue() instanceof StringLiteral text && text.getValue().matches("(HBM|DDR|PLRAM|HOST)\\[\\d+(:\\d+)?\\]")) {
				mapping.put(name.getValue(), text.getValue());
			} else {
				fail(bank, "hbm_mapping value for \"" + name.getValue() + "\" must be a bank number or a bank such as \"HBM[1]\" or \"DDR[0]\"");
				return false;
			}
		}
		return true;
	}

	/** The literal string value, the default when absent, or null after a diagnostic. */
	private String string(Expr value, Set<String> allowed, String absent) {
		if (value == null) {
			return absent;
		}
		if (!(value instanceof StringLiteral text)) {
			fail(value, "build options are string literals here, such as \"vitis_hls\"");
			return null;
		}
		if (allowed != null && !allowed.contains(text.getValue())) {
			fail(value, "'" + text.getValue() + "' is not one of " + String.join(", ", allowed.stream().sorted().toList()));
			return null;
		}
		return text.getValue();
	}

	private <T> T fail(EObject at, String message) {
		problems.add(diagnostic(at, Severity.ERROR, message, IssueCodes.BUILD_OPTION));
		return null;
	}

	static Diagnostic diagnostic(EObject at, Severity severity, String message, String code) {
		ICompositeNode node = at == null ? null : NodeModelUtils.getNode(at);
		int line = node == null ? 1 : node.getStartLine();
		int column = node == null ? 1 : NodeModelUtils.getLineAndColumn(node, node.getOffset()).getColumn();
		return new Diagnostic(line, column, severity, message, code);
	}
}
