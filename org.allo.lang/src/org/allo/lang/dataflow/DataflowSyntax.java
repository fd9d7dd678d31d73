package org.allo.lang.dataflow;

import java.util.List;
import java.util.Optional;

import org.allo.lang.allo.Argument;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.Decorator;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.ExprStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.ListExpr;
import org.allo.lang.allo.Statement;
import org.allo.lang.scoping.Names;
import org.allo.lang.scoping.Stdlib;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * The {@code allo.dataflow} constructs in the syntax tree: {@code @df.region()},
 * {@code @df.kernel(mapping=[...], args=[...])} and {@code df.get_pid()}.
 */
@Singleton
public class DataflowSyntax {

	private static final String MODULE = "allo.dataflow";

	@Inject
	private Stdlib stdlib;

	public boolean isRegion(FunctionDef function) {
		return decorator(function, "region").isPresent();
	}

	/** The {@code @df.kernel(...)} decorator call of a kernel nested in a region. */
	public Optional<CallExpr> kernelDecorator(FunctionDef function) {
		return decorator(function, "kernel");
	}

	public boolean isKernel(FunctionDef function) {
		return kernelDecorator(function).isPresent();
	}

	/** The kernels of a region, in source order. */
	public List<FunctionDef> kernels(FunctionDef region) {
		return region.getBody().getStatements().stream().filter(FunctionDef.class::isInstance)
				.map(FunctionDef.class::cast).filter(this::isKernel).toList();
	}

	/** {@code i, j = df.get_pid()} or {@code p = df.get_pid()}. */
	public boolean isPidAssignment(Statement statement) {
		return statement instanceof ExprStmt assignment && "=".equals(assignment.getOp())
				&& assignment.getValue() instanceof CallExpr call && isDataflowFunction(call.getCallee(), "get_pid");
	}

	/** The keyword argument of the decorator call, or null. */
	public static Expr keyword(CallExpr decorator, String keyword) {
		return decorator.getArgs().stream().filter(argument -> keyword.equals(argument.getKeyword()))
				.map(Argument::getValue).findFirst().orElse(null);
	}

	/** The elements of {@code args=[...]}; empty when the kernel takes no region arguments. */
	public static List<Expr> args(CallExpr decorator) {
		return keyword(decorator, "args") instanceof ListExpr list ? list.getElements() : List.of();
	}

	private Optional<CallExpr> decorator(FunctionDef function, String name) {
		for (Decorator decorator : function.getDecorators()) {
			if (decorator.getExpr() instanceof CallExpr call && isDataflowFunction(call.getCallee(), name)) {
				return Optional.of(call);
			}
		}
		return Optional.empty();
	}

	private boolean isDataflowFunction(Expr callee, String name) {
		return Names.targetOf(callee) instanceof FunctionDef function && name.equals(function.getName())
				&& function.eResource() != null && MODULE.equals(stdlib.moduleName(function.eResource().getURI()));
	}
}
