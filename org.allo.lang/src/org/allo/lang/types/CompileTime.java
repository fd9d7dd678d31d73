package org.allo.lang.types;

import org.allo.lang.scoping.Names;
import java.util.Map;

import org.allo.lang.allo.BinaryExpr;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.ExprStmt;
import org.allo.lang.allo.ForStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.ImportStmt;
import org.allo.lang.allo.ImportedName;
import org.allo.lang.allo.LoopVar;
import org.allo.lang.allo.MemberExpr;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.TupleExpr;
import org.allo.lang.allo.TypeParam;
import org.allo.lang.allo.UnaryExpr;
import org.allo.lang.allo.VarDecl;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Which names and expressions are known when the kernel is compiled (per instance): constants,
 * template parameters, {@code df.get_pid()} coordinates and {@code meta_for} variables; and which
 * loop bounds are affine in them and in enclosing loop variables.
 */
@Singleton
public class CompileTime {

	@Inject
	private ConstantEvaluator constants;

	/** Whether every name in {@code expr} is known at compile time (possibly only per instance). */
	public boolean isCompileTime(Expr expr) {
		if (expr == null) {
			return true;
		}
		if (constants.evaluate(expr, Map.of()) != null) {
			return true;
		}
		for (NameRef name : EcoreUtil2.getAllContentsOfType(expr, NameRef.class)) {
			if (!isCompileTimeName(name.getRef())) {
				return false;
			}
		}
		return !(expr instanceof NameRef name) || isCompileTimeName(name.getRef());
	}

	/** Whether a name is a compile-time constant, template parameter, PE coordinate or meta_for variable. */
	private boolean isCompileTimeName(Referable target) {
		if (target == null || target.eIsProxy()) {
			return true; // reported by linking
		}
		if (target instanceof ImportedName imported) {
			return isCompileTimeName(imported.getTarget());
		}
		if (target instanceof TypeParam || target instanceof FunctionDef || target instanceof ClassDef
				|| target instanceof Module || target instanceof ImportStmt) {
			return true;
		}
		if (target instanceof LoopVar var) {
			return !(var.eContainer() instanceof ForStmt);
		}
		if (target instanceof VarDecl decl) {
			return constants.isConstExpr(decl);
		}
		if (target instanceof NameRef assigned) {
			return isModuleLevel(assigned) || isPid(assigned);
		}
		return false;
	}

	private static boolean isModuleLevel(NameRef assigned) {
		EObject statement = assigned.eContainer() instanceof TupleExpr tuple ? tuple.eContainer() : assigned.eContainer();
		return statement instanceof ExprStmt && statement.eContainer() instanceof Module;
	}

	/** {@code i, j = df.get_pid()}: coordinates fixed per kernel instance. */
	public boolean isPid(NameRef assigned) {
		EObject statement = assigned.eContainer() instanceof TupleExpr tuple ? tuple.eContainer() : assigned.eContainer();
		if (statement instanceof ExprStmt assignment && assignment.getValue() instanceof CallExpr call) {
			return Names.targetOf(call.getCallee()) instanceof FunctionDef function
					&& "get_pid".equals(function.getName());
		}
		return false;
	}

	/**
	 * Whether a loop bound is affine: a sum of compile-time terms and of enclosing loop variables
	 * times compile-time factors; {@code //} and {@code %} only by compile-time divisors. No loads,
	 * no runtime variables.
	 */
	public boolean isAffine(Expr expr) {
		if (isCompileTime(expr)) {
			return true;
		}
		if (expr instanceof NameRef name) {
			return name.getRef() instanceof LoopVar;
		}
		if (expr instanceof UnaryExpr unary) {
			return ("-".equals(unary.getOp()) || "+".equals(unary.getOp())) && isAffine(unary.getOperand());
		}
		if (expr instanceof BinaryExpr binary) {
			switch (binary.getOp()) {
			case "+", "-":
				return isAffine(binary.getLeft()) && isAffine(binary.getRight());
			case "*":
				return isCompileTime(binary.getLeft()) && isAffine(binary.getRight())
						|| isAffine(binary.getLeft()) && isCompileTime(binary.getRight());
			case "//", "%":
				return isAffine(binary.getLeft()) && isCompileTime(binary.getRight());
			default:
				return false;
			}
		}
		return expr instanceof MemberExpr member && isCompileTime(member);
	}
}
