package org.allo.lang.schedule;

import org.allo.lang.scoping.Names;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.allo.lang.allo.Argument;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.ExprStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.MemberExpr;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.Statement;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * The schedules of a module and their steps in source order: {@code s = allo.customize(k)}
 * followed by {@code s.primitive(...)} calls (also as {@code h = s.primitive(...)}).
 */
public final class ScheduleSteps {

	/** A schedule: the name it is bound to, the customised kernel (null if unknown), and its steps. */
	public record Schedule(NameRef binding, FunctionDef kernel, List<Step> steps) {
	}

	/** One primitive call; {@code number} counts from 1 as the user reads the schedule. */
	public record Step(int number, CallExpr call, FunctionDef primitive) {
		public String name() {
			return primitive.getName();
		}
	}

	/** A step with the schedule it belongs to. */
	public record Located(Schedule schedule, Step step) {
	}

	/** An argument of a step with the role its stub parameter declares (LoopRef, TensorRef, ...). */
	public record RoleArgument(Expr value, String role) {
	}

	private ScheduleSteps() {
	}

	/**
	 * The step of a schedule of a known kernel whose call spans {@code offset} (its ends included,
	 * so that a cursor just after the closing parenthesis still counts), for the editors' step
	 * commands.
	 */
	public static Optional<Located> stepAt(Module module, int offset) {
		for (Schedule schedule : of(module)) {
			for (Step step : schedule.steps()) {
				ICompositeNode node = NodeModelUtils.getNode(step.call());
				if (schedule.kernel() != null && node != null && node.getOffset() <= offset && offset <= node.getEndOffset()) {
					return Optional.of(new Located(schedule, step));
				}
			}
		}
		return Optional.empty();
	}

	public static List<Schedule> of(Module module) {
		List<Schedule> schedules = new ArrayList<>();
		// by binding, so that a module's steps are matched in linear time (checks call this several times per module)
		Map<NameRef, Schedule> byBinding = new IdentityHashMap<>();
		for (Statement statement : module.getStatements()) {
			if (statement instanceof ExprStmt assignment && "=".equals(assignment.getOp())
					&& assignment.getExpr() instanceof NameRef binding && assignment.getValue() instanceof CallExpr call
					&& isCustomize(call)) {
				Schedule schedule = new Schedule(binding, customisedKernel(call), new ArrayList<>());
				schedules.add(schedule);
				byBinding.put(binding, schedule);
			}
			CallExpr call = stepCall(statement);
			if (call != null && call.getCallee() instanceof MemberExpr member && member.getReceiver() instanceof NameRef receiver) {
				Schedule schedule = byBinding.get(receiver.getRef());
				if (schedule != null && member.getMember() instanceof FunctionDef primitive && isScheduleMethod(primitive)) {
					schedule.steps().add(new Step(schedule.steps().size() + 1, call, primitive));
				}
			}
		}
		return schedules;
	}

	private static CallExpr stepCall(Statement statement) {
		if (statement instanceof ExprStmt expression) {
			Expr candidate = expression.getOp() == null ? expression.getExpr() : expression.getValue();
			return candidate instanceof CallExpr call ? call : null;
		}
		return null;
	}

	private static boolean isCustomize(CallExpr call) {
		Referable callee = Names.targetOf(call.getCallee());
		return callee instanceof FunctionDef function && "customize".equals(function.getName())
				&& function.getReturnType() instanceof NameRef type && Names.targetOf(type) instanceof ClassDef classDef
				&& "Schedule".equals(classDef.getName());
	}

	private static FunctionDef customisedKernel(CallExpr call) {
		if (call.getArgs().isEmpty()) {
			return null;
		}
		return Names.targetOf(call.getArgs().get(0).getValue()) instanceof FunctionDef kernel ? kernel : null;
	}

	private static boolean isScheduleMethod(FunctionDef primitive) {
		ClassDef owner = EcoreUtil2.getContainerOfType(primitive, ClassDef.class);
		return owner != null && "Schedule".equals(owner.getName());
	}

	/** Pairs the step's arguments with its stub parameters and keeps those that have a role. */
	public static List<RoleArgument> roleArguments(Step step) {
		List<RoleArgument> result = new ArrayList<>();
		for (Map.Entry<Argument, Param> pair : parameters(step).entrySet()) {
			Param param = pair.getValue();
			if (param.getType() instanceof NameRef role) {
				Referable roleClass = Names.targetOf(role);
				if (roleClass instanceof ClassDef classDef && classDef.getName().endsWith("Ref")) {
					result.add(new RoleArgument(pair.getKey().getValue(), classDef.getName()));
				}
			}
		}
		return result;
	}

	/**
	 * The step's arguments by the name of the stub parameter they bind ({@code dim}, {@code factor});
	 * a parameter left to its default is absent, a star parameter keeps its first argument.
	 */
	public static Map<String, Expr> argumentsByParameter(Step step) {
		Map<String, Expr> result = new LinkedHashMap<>();
		parameters(step).forEach((argument, param) -> result.putIfAbsent(param.getName(), argument.getValue()));
		return result;
	}

	/** Each argument of the step with the stub parameter it binds, in argument order. */
	private static Map<Argument, Param> parameters(Step step) {
		List<Param> params = step.primitive().getParams();
		int first = !params.isEmpty() && "self".equals(params.get(0).getName()) ? 1 : 0;
		Map<Argument, Param> result = new LinkedHashMap<>();
		int position = first;
		for (Argument argument : step.call().getArgs()) {
			Param param = null;
			if (argument.getKeyword() != null) {
				param = params.stream().filter(p -> argument.getKeyword().equals(p.getName())).findFirst().orElse(null);
			} else if (position < params.size()) {
				param = params.get(position);
				if (!param.isStar()) {
					position++;
				}
			}
			if (param != null) {
				result.put(argument, param);
			}
		}
		return result;
	}

}
