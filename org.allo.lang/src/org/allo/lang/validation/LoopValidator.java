package org.allo.lang.validation;

import org.allo.lang.scoping.Names;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.AlloPackage;
import org.allo.lang.allo.Argument;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.ForStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.LoopVar;
import org.allo.lang.allo.WithStmt;
import org.allo.lang.scoping.Stdlib;
import org.allo.lang.types.CompileTime;
import org.allo.lang.types.ConstantEvaluator;
import org.allo.lang.types.Type;
import org.allo.lang.types.TypeRules;
import org.allo.lang.types.TypeService;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/**
 * Loops and compile-time control flow (allo-reference §1.5, §1.6): {@code range} with a positive
 * constant step and affine integer bounds, {@code allo.grid}/{@code allo.reduction} with constant
 * extents and one variable per extent, no loop variable redeclared inside its loop, and
 * {@code meta_if}/{@code meta_for} arguments known at compile time.
 */
public class LoopValidator extends CheckGroup {

	@Inject
	private TypeService types;

	@Inject
	private ConstantEvaluator constants;

	@Inject
	private CompileTime compileTime;

	@Inject
	private Stdlib stdlib;

	private static String builtinName(CallExpr call) {
		return Names.targetOf(call.getCallee()) instanceof FunctionDef function ? function.getName() : "";
	}

	private boolean isBuiltin(CallExpr call) {
		return Names.targetOf(call.getCallee()) instanceof FunctionDef function
				&& stdlib.isStdlib(function.eResource());
	}

	@Check
	public void forLoop(ForStmt loop) {
		if (stdlib.isStdlib(loop.eResource())) {
			return;
		}
		redeclaredVariables(loop);
		if (!(loop.getIterable() instanceof CallExpr call) || !isBuiltin(call)) {
			return;
		}
		switch (builtinName(call)) {
		case "range" -> range(loop, call);
		case "grid", "reduction" -> grid(loop, call);
		default -> {
		}
		}
	}

	private void range(ForStmt loop, CallExpr call) {
		List<Expr> bounds = positional(call);
		if (bounds.isEmpty() || bounds.size() > 3) {
			error("range takes 1 to 3 arguments (range(ub), range(lb, ub), range(lb, ub, step)), not " + bounds.size(),
					call, null, IssueCodes.RANGE_ARGUMENTS);
			return;
		}
		if (loop.getVars().size() != 1) {
			error("range gives one loop variable, not " + loop.getVars().size() + "; use allo.grid(...) for a band",
					loop, AlloPackage.Literals.FOR_STMT__VARS, IssueCodes.LOOP_VARIABLES);
		}
		for (int i = 0; i < Math.min(bounds.size(), 2); i++) {
			checkBound(bounds.get(i));
		}
		if (bounds.size() == 3) {
			Expr step = bounds.get(2);
			Object value = constants.evaluate(step, Map.of());
			if (value instanceof BigInteger stepValue && stepValue.signum() <= 0) {
				error("the step of a range must be positive, not " + stepValue
						+ "; count up and index with ub - 1 - i to go backwards", step, null, IssueCodes.RANGE_STEP);
			} else if (value == null && !compileTime.isCompileTime(step)) {
				error("the step of a range must be a compile-time constant", step, null, IssueCodes.RANGE_STEP);
			} else {
				checkInteger(step);
			}
		}
	}

	private void checkBound(Expr bound) {
		if (!checkInteger(bound)) {
			return;
		}
		if (!compileTime.isAffine(bound)) {
			error("loop bound '" + TypeValidator.text(bound) + "' is not affine: use constants, template parameters "
					+ "and enclosing loop variables with +, -, * by a constant, // and % by a constant", bound, null,
					IssueCodes.LOOP_BOUND);
		}
	}

	private boolean checkInteger(Expr bound) {
		Type type = types.typeOf(bound);
		if (TypeValidator.isValue(type) && !TypeRules.isInteger(type)) {
			error("loop bound '" + TypeValidator.text(bound) + "' has type " + type.display()
					+ "; loop bounds must be integers", bound, null, IssueCodes.LOOP_BOUND);
			return false;
		}
		return true;
	}

	private void grid(ForStmt loop, CallExpr call) {
		List<Expr> extents = positional(call);
		if (extents.size() != loop.getVars().size()) {
			error("allo." + builtinName(call) + " has " + extents.size() + " extent" + (extents.size() == 1 ? "" : "s")
					+ " but the loop names " + loop.getVars().size() + " variable"
					+ (loop.getVars().size() == 1 ? "" : "s") + "; give one variable per extent", loop,
					AlloPackage.Literals.FOR_STMT__VARS, IssueCodes.LOOP_VARIABLES);
		}
		for (Expr extent : extents) {
			if (!checkInteger(extent)) {
				continue;
			}
			Object value = constants.evaluate(extent, Map.of());
			if (!compileTime.isCompileTime(extent)) {
				error("the extent '" + TypeValidator.text(extent) + "' of allo." + builtinName(call)
						+ " must be a compile-time constant; use range(...) for variable bounds", extent, null,
						IssueCodes.LOOP_BOUND);
			} else if (value instanceof BigInteger size && size.signum() <= 0) {
				error("the extent of a loop must be at least 1, not " + size, extent, null, IssueCodes.LOOP_BOUND);
			}
		}
	}

	private static List<Expr> positional(CallExpr call) {
		List<Expr> result = new ArrayList<>();
		for (Argument argument : call.getArgs()) {
			if (argument.getKeyword() == null && !argument.isStar()) {
				result.add(argument.getValue());
			}
		}
		return result;
	}

	/** Allo rejects an inner loop that redeclares an enclosing loop's variable (test_builder.py::test_scope). */
	private void redeclaredVariables(ForStmt loop) {
		for (LoopVar var : loop.getVars()) {
			for (EObject outer = loop.eContainer(); outer != null && !(outer instanceof FunctionDef); outer = outer.eContainer()) {
				if (declaresLoopVariable(outer, var.getName())) {
					error("loop variable '" + var.getName() + "' is already the variable of an enclosing loop; "
							+ "rename the inner one", var, AlloPackage.Literals.LOOP_VAR__NAME, IssueCodes.LOOP_REDECLARED);
					break;
				}
			}
		}
	}

	private static boolean declaresLoopVariable(EObject statement, String name) {
		if (statement instanceof ForStmt outer) {
			return outer.getVars().stream().anyMatch(v -> name.equals(v.getName()));
		}
		return statement instanceof WithStmt with && with.getVar() != null && name.equals(with.getVar().getName());
	}

	@Check
	public void metaProgramming(WithStmt with) {
		if (stdlib.isStdlib(with.eResource()) || !(with.getContext() instanceof CallExpr call) || !isBuiltin(call)) {
			return;
		}
		String name = builtinName(call);
		if (!name.startsWith("meta_")) {
			return;
		}
		for (Expr argument : positional(call)) {
			if (!compileTime.isCompileTime(argument)) {
				error("the argument of allo." + name + " must be known at compile time (constants, template parameters, "
						+ "df.get_pid() coordinates, meta_for variables); '" + TypeValidator.text(argument)
						+ "' depends on runtime values", argument, null, IssueCodes.META_CONDITION);
			}
		}
	}
}
