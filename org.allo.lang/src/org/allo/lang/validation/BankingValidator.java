package org.allo.lang.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.allo.lang.allo.Argument;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.ForStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.LoopVar;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.StringLiteral;
import org.allo.lang.allo.SubscriptExpr;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.layout.BankConflicts;
import org.allo.lang.layout.BankConflicts.Access;
import org.allo.lang.layout.ConstantInts;
import org.allo.lang.layout.DimLayout;
import org.allo.lang.layout.Layout;
import org.allo.lang.layout.LayoutService;
import org.allo.lang.layout.LayoutVariable;
import org.allo.lang.layout.ModuleLayouts;
import org.allo.lang.layout.ModuleLayouts.ScheduleLayout;
import org.allo.lang.layout.PartitionStep;
import org.allo.lang.schedule.LoopBounds;
import org.allo.lang.schedule.LoopTable;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.ScheduleSteps.Step;
import org.allo.lang.scoping.Names;
import org.allo.lang.validation.incremental.ComponentChecks;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/**
 * Dahlia's banking rules on {@code unroll} steps, which Allo does not check: the copies of an
 * unrolled loop access a tensor in the same cycle, so the banks of every dimension the loop indexes
 * (from the solved layout) times the ports per bank (1, or 2 for {@code RAM_2P}/{@code RAM_T2P}
 * memory) must cover those accesses; otherwise the warning states the II the loop really reaches.
 */
public class BankingValidator extends CheckGroup {

	private static final int MAX_SUGGESTED_FACTOR = 256;

	@Inject
	private LayoutService layouts;

	@Inject
	private ComponentChecks componentChecks;

	/** Per group of schedules that do not reach each other, so that an editor re-checks only the groups an edit reaches. */
	@Check
	public void banking(Module module) {
		componentChecks.run("banking", ScheduleSteps.of(module), getChain(), group -> checkBanking(module, group));
	}

	private void checkBanking(Module module, List<Schedule> group) {
		Set<NameRef> bindings = new HashSet<>();
		group.forEach(schedule -> bindings.add(schedule.binding()));
		if (group.stream().noneMatch(schedule -> schedule.steps().stream().anyMatch(step -> "unroll".equals(step.name())))) {
			return;
		}
		ModuleLayouts moduleLayouts = layouts.of(module);
		for (ScheduleLayout schedule : moduleLayouts.schedules()) {
			if (!bindings.contains(schedule.schedule().binding())) {
				continue;
			}
			for (Step step : schedule.schedule().steps()) {
				if ("unroll".equals(step.name())) {
					checkUnroll(moduleLayouts, schedule, step);
				}
			}
		}
	}

	/** What to write instead: advice for the message and the partition call a quick fix inserts ("" if none). */
	private record Suggestion(String advice, String call) {
	}

	/** An unrolled loop: its variable, how many copies run together, and the distance between their indices. */
	private record Unrolled(String name, LoopVar var, int factor, int stride) {
	}

	private void checkUnroll(ModuleLayouts moduleLayouts, ScheduleLayout schedule, Step step) {
		Map<String, Expr> arguments = ScheduleSteps.argumentsByParameter(step);
		if (!(arguments.get("axis") instanceof StringLiteral loopName) || loopName.getValue() == null) {
			return;
		}
		Unrolled loop = unrolled(schedule, loopName, ConstantInts.valueOf(PartitionStep.argument(step, arguments, "factor")));
		if (loop == null || loop.factor() < 2 || loop.factor() > BankConflicts.MAX_UNROLL) {
			return;
		}
		ForStmt forStmt = (ForStmt) loop.var().eContainer();
		Map<LayoutVariable, List<Access>> byTensor = new LinkedHashMap<>();
		Map<LayoutVariable, Referable> tensors = new LinkedHashMap<>();
		for (SubscriptExpr subscript : EcoreUtil2.getAllContentsOfType(forStmt.getBody(), SubscriptExpr.class)) {
			Referable tensor = Names.targetOf(subscript.getTarget());
			LayoutVariable variable = tensor == null ? null : moduleLayouts.variableOf(tensor);
			if (variable != null && variable.rank() == subscript.getIndices().size()) {
				Access access = BankConflicts.access(subscript, loop.var());
				if (access != null) {
					byTensor.computeIfAbsent(variable, v -> new ArrayList<>()).add(access);
					tensors.put(variable, tensor);
				}
			}
		}
		byTensor.forEach((variable, accesses) -> check(schedule, loopName, loop, tensors.get(variable), variable, accesses));
	}

	private void check(ScheduleLayout schedule, StringLiteral place, Unrolled loop, Referable tensor, LayoutVariable variable,
			List<Access> accesses) {
		if (accesses.stream().noneMatch(Access::usesLoop)) {
			return;
		}
		Layout layout = schedule.solution().layoutOf(variable);
		int ports = portsOf(tensor);
		int perBank = BankConflicts.perBank(accesses, layout, variable, loop.factor(), loop.stride());
		int ii = ceilDiv(perBank, ports);
		if (perBank < 0 || ii <= 1) {
			return;
		}
		Access worst = worstSingle(accesses, layout, variable, loop);
		int dim = firstIndexedDim(worst != null ? List.of(worst) : accesses, variable);
		Suggestion suggestion = suggestion(schedule, tensor, variable, accesses, layout, loop, ports, dim);
		String portsText = ports + (ports == 1 ? " port" : " ports");
		if (worst != null) {
			int alone = BankConflicts.perBank(List.of(worst), layout, variable, loop.factor(), loop.stride());
			warning("unrolling " + loop.name() + " by " + loop.factor() + " puts " + loop.factor() + " accesses to "
					+ text(worst) + " (line " + line(worst) + ") in one cycle, but dim " + dim + " of " + variable.name()
					+ " has " + banksText(layout.dim(dim), variable.size(dim)) + " with " + portsText + " each: " + alone
					+ " accesses per bank per cycle, so the loop reaches II=" + ii + ", not 1; " + suggestion.advice(),
					place, null, IssueCodes.BANKING_UNROLL_EXCEEDS_BANKS, suggestion.call());
		} else {
			warning("unrolling " + loop.name() + " by " + loop.factor() + " makes " + accesses.size() + " accesses to "
					+ variable.name() + " per copy (" + texts(accesses) + ") that put " + perBank
					+ " elements in one bank per cycle; " + variable.name() + " (dim " + dim + ": " + layout.dim(dim)
					+ ") has " + portsText + " per bank, so the loop reaches II=" + ii + ", not 1; " + suggestion.advice(),
					place, null, IssueCodes.BANKING_PORT_CONFLICT, suggestion.call());
		}
	}

	/** An access that alone needs more than the ports of a bank; null when only their sum does. */
	private static Access worstSingle(List<Access> accesses, Layout layout, LayoutVariable variable, Unrolled loop) {
		Access worst = null;
		int most = 0;
		for (Access access : accesses) {
			int alone = BankConflicts.perBank(List.of(access), layout, variable, loop.factor(), loop.stride());
			if (alone > most) {
				most = alone;
				worst = access;
			}
		}
		return most > 1 ? worst : null;
	}

	/**
	 * "partition dim d with Cyclic(f)" for the smallest factor that reaches II=1, or a smaller unroll
	 * factor when no partition of that dimension helps.
	 */
	private static Suggestion suggestion(ScheduleLayout schedule, Referable tensor, LayoutVariable variable, List<Access> accesses,
			Layout layout, Unrolled loop, int ports, int dim) {
		int size = variable.size(dim);
		int limit = size == DimLayout.UNKNOWN_SIZE ? MAX_SUGGESTED_FACTOR : Math.min(size, MAX_SUGGESTED_FACTOR);
		for (int factor = 2; factor <= limit; factor++) {
			DimLayout candidate = DimLayout.of(DimLayout.Kind.CYCLIC, factor, size);
			int perBank = BankConflicts.perBank(accesses, layout.with(dim, candidate), variable, loop.factor(), loop.stride());
			if (perBank >= 0 && ceilDiv(perBank, ports) <= 1) {
				String call = LayoutValidator.partitionCall(Names.nameOf(schedule.schedule().binding()),
						targetText(schedule, tensor, variable), dim, candidate);
				return new Suggestion("partition dim " + dim + " with " + candidate + ": " + call, call);
			}
		}
		return new Suggestion("unroll by a smaller factor", "");
	}

	private static String targetText(ScheduleLayout schedule, Referable tensor, LayoutVariable variable) {
		FunctionDef kernel = EcoreUtil2.getContainerOfType(tensor, FunctionDef.class);
		return kernel == schedule.schedule().kernel() ? Names.nameOf(schedule.schedule().binding()) + "." + variable.name()
				: "\"" + variable.kernel() + ":" + variable.name() + "\"";
	}

	private static int firstIndexedDim(List<Access> accesses, LayoutVariable variable) {
		for (int d = 1; d <= variable.rank(); d++) {
			for (Access access : accesses) {
				if (access.indexedByLoop(d)) {
					return d;
				}
			}
		}
		return 1;
	}

	/** The loop an unroll step names ({@code "i"}, {@code "kernel:i"}), with its factor (0 = the trip count) resolved. */
	private Unrolled unrolled(ScheduleLayout schedule, StringLiteral reference, Integer factor) {
		String text = reference.getValue();
		int colon = text.indexOf(':');
		FunctionDef kernel = colon < 0 ? schedule.schedule().kernel() : layouts.kernelNamed(reference, text.substring(0, colon));
		return unrolledIn(schedule, kernel, text.substring(colon + 1), factor);
	}

	private Unrolled unrolledIn(ScheduleLayout schedule, FunctionDef kernel, String name, Integer factor) {
		if (kernel == null || factor == null) {
			return null;
		}
		boolean inner = name.endsWith(".inner");
		String base = inner ? name.substring(0, name.length() - ".inner".length()) : name;
		LoopVar var = null;
		for (LoopTable.Loop loop : LoopTable.of(kernel).loops()) {
			if (loop.name().equals(base) || (loop.band() + "." + loop.name()).equals(base)) {
				if (var != null) {
					return null;
				}
				var = loop.var();
			}
		}
		if (var == null || !(var.eContainer() instanceof ForStmt forStmt) || forStmt.getBody() == null) {
			return null;
		}
		LoopBounds bounds = LoopBounds.of(forStmt, var);
		if (bounds == null) {
			return null;
		}
		Integer trip = inner ? splitFactor(schedule, base) : Integer.valueOf(bounds.tripCount());
		int copies = factor > 0 ? factor : trip == null ? 0 : trip;
		return new Unrolled(name, var, copies, bounds.step());
	}

	/** {@code split(i, f)}: the trip count of {@code i.inner}. */
	private static Integer splitFactor(ScheduleLayout schedule, String loop) {
		for (Step step : schedule.schedule().steps()) {
			Map<String, Expr> arguments = ScheduleSteps.argumentsByParameter(step);
			if ("split".equals(step.name()) && arguments.get("axis") instanceof StringLiteral axis && axis.getValue() != null
					&& axis.getValue().substring(axis.getValue().indexOf(':') + 1).equals(loop)) {
				return ConstantInts.valueOf(arguments.get("factor"));
			}
		}
		return null;
	}

	/** Ports per bank: 2 for {@code @ Memory(storage_type="RAM_2P" | "RAM_T2P")} (the stub's default), else 1. */
	private static int portsOf(Referable tensor) {
		Expr attribute = tensor instanceof Param param ? param.getAttribute() : tensor instanceof VarDecl decl ? decl.getAttribute() : null;
		if (!(attribute instanceof CallExpr call) || !(Names.targetOf(call.getCallee()) instanceof FunctionDef memory)
				|| !"Memory".equals(memory.getName())) {
			return 1;
		}
		Expr storage = null;
		for (Argument argument : call.getArgs()) {
			if ("storage_type".equals(argument.getKeyword())) {
				storage = argument.getValue();
			}
		}
		for (int i = 0; storage == null && i < memory.getParams().size(); i++) {
			Param param = memory.getParams().get(i);
			if ("storage_type".equals(param.getName())) {
				storage = i < call.getArgs().size() && call.getArgs().get(i).getKeyword() == null ? call.getArgs().get(i).getValue()
						: param.getDefault();
			}
		}
		String type = storage instanceof StringLiteral literal ? literal.getValue() : null;
		return "RAM_2P".equalsIgnoreCase(type) || "RAM_T2P".equalsIgnoreCase(type) ? 2 : 1;
	}

	private static String banksText(DimLayout layout, int size) {
		if (layout.kind() == DimLayout.Kind.NONE) {
			return "1 bank (not partitioned)";
		}
		if (layout.kind() == DimLayout.Kind.COMPLETE) {
			return "one bank per element (Complete)";
		}
		return layout.factor() + " banks (" + layout + ")";
	}

	private static String texts(List<Access> accesses) {
		List<String> texts = new ArrayList<>();
		for (Access access : accesses) {
			if (!texts.contains(text(access))) {
				texts.add(text(access));
			}
		}
		return String.join(", ", texts);
	}

	private static String text(Access access) {
		return NodeModelUtils.getTokenText(NodeModelUtils.getNode(access.expr()));
	}

	private static int line(Access access) {
		return NodeModelUtils.getNode(access.expr()).getStartLine();
	}

	private static int ceilDiv(int a, int b) {
		return (a + b - 1) / b;
	}
}
