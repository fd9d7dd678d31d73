package org.allo.lang.types;

import java.util.List;
import java.util.Map;

import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.Statement;
import org.allo.lang.allo.WithStmt;
import org.allo.lang.scoping.Names;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Compile-time branches and loops of a kernel instance: a chain of {@code with allo.meta_if(c)},
 * {@code meta_elif(c)}, {@code meta_else()} statements, and {@code with allo.meta_for(lb, ub) as v}.
 */
@Singleton
public class MetaBranches {

	private static final List<String> BRANCHES = List.of("meta_if", "meta_elif", "meta_else");

	@Inject
	private ConstantEvaluator constants;

	/** meta_if, meta_elif, meta_else or meta_for when the statement is one, else null. */
	public static String metaName(Statement statement) {
		if (statement instanceof WithStmt with && with.getContext() instanceof CallExpr call
				&& Names.targetOf(call.getCallee()) instanceof FunctionDef function
				&& (BRANCHES.contains(function.getName()) || "meta_for".equals(function.getName()))) {
			return function.getName();
		}
		return null;
	}

	public static boolean isBranch(Statement statement) {
		String name = metaName(statement);
		return name != null && BRANCHES.contains(name);
	}

	/** Whether the instance takes the meta branch at {@code index}: true, false, or null when undecidable. */
	public Boolean taken(List<Statement> statements, int index, Map<? extends Referable, Object> env) {
		int start = index;
		while (start > 0 && !"meta_if".equals(metaName(statements.get(start))) && isBranch(statements.get(start - 1))) {
			start--;
		}
		for (int i = start; i < index; i++) {
			Object earlier = condition((WithStmt) statements.get(i), env);
			if (!(earlier instanceof Boolean)) {
				return null;
			}
			if ((Boolean) earlier) {
				return false;
			}
		}
		Object own = condition((WithStmt) statements.get(index), env);
		return own instanceof Boolean value ? value : null;
	}

	private Object condition(WithStmt with, Map<? extends Referable, Object> env) {
		CallExpr call = (CallExpr) with.getContext();
		if ("meta_else".equals(metaName(with))) {
			return Boolean.TRUE;
		}
		return call.getArgs().isEmpty() ? null : constants.evaluate(call.getArgs().get(0).getValue(), env);
	}
}
