package org.allo.lang.validation;

import java.util.ArrayList;
import java.util.List;

import org.allo.lang.allo.AlloPackage;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.ExprStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.LoopVar;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.NoneLiteral;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.ReturnStmt;
import org.allo.lang.allo.TupleExpr;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.scoping.Names;
import org.allo.lang.types.CompileTime;
import org.allo.lang.types.ConstantEvaluator;
import org.allo.lang.types.NoneType;
import org.allo.lang.types.TensorType;
import org.allo.lang.types.TupleType;
import org.allo.lang.types.Type;
import org.allo.lang.types.TypeRules;
import org.allo.lang.types.UnknownType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/** Declarations, assignments, augmented assignments and returns: what is stored must fit where it goes. */
public class AssignmentValidator extends StoreCheckingValidator {

	@Inject
	private ConstantEvaluator constants;

	@Inject
	private CompileTime compileTime;

	@Check
	public void declaration(VarDecl decl) {
		if (inLibrary(decl)) {
			return;
		}
		if (decl.getInit() == null) {
			if (constants.isConstExpr(decl)) {
				error("ConstExpr '" + decl.getName() + "' needs a value: " + decl.getName() + ": "
						+ TypeValidator.text(decl.getType()) + " = ...", decl, AlloPackage.Literals.VAR_DECL__NAME,
						IssueCodes.CONSTEXPR_UNINITIALIZED);
			}
			return;
		}
		checkStore(decl.getInit(), types.typeOf(decl), "'" + decl.getName() + "'");
	}

	@Check
	public void assignment(ExprStmt statement) {
		if (statement.getOp() == null || inLibrary(statement)) {
			return;
		}
		Expr target = statement.getExpr();
		List<Expr> targets = target instanceof TupleExpr tuple ? tuple.getElements() : List.of(target);
		for (Expr single : targets) {
			if (single instanceof NameRef name && !reportConstantTarget(name)) {
				return;
			}
		}
		if ("=".equals(statement.getOp())) {
			assign(statement, target);
		} else {
			augmented(statement, target);
		}
	}

	/** False (after an error) when a name that cannot change is assigned inside a kernel. */
	private boolean reportConstantTarget(NameRef name) {
		Referable target = name.getRef();
		if (target == null || target.eIsProxy() || target == name
				|| EcoreUtil2.getContainerOfType(name, FunctionDef.class) == null) {
			return true;
		}
		String what = null;
		if (target instanceof LoopVar) {
			what = "loop variable";
		} else if (target instanceof VarDecl decl && constants.isConstExpr(decl)) {
			what = "ConstExpr";
		} else if (target instanceof NameRef assigned && compileTime.isPid(assigned)) {
			what = "PE coordinate (from df.get_pid())";
		} else if (target instanceof NameRef assigned && isModuleConstant(assigned)) {
			what = "module constant";
		}
		if (what != null) {
			error("cannot assign to " + what + " '" + Names.nameOf(target) + "'; declare a new variable instead",
					name, null, IssueCodes.ASSIGN_TO_CONSTANT);
			return false;
		}
		return true;
	}

	private static boolean isModuleConstant(NameRef assigned) {
		EObject statement = assigned.eContainer() instanceof TupleExpr tuple ? tuple.eContainer() : assigned.eContainer();
		return statement != null && statement.eContainer() instanceof Module;
	}

	private void assign(ExprStmt statement, Expr target) {
		if (target instanceof TupleExpr tuple) {
			Type value = types.typeOf(statement.getValue());
			if (value instanceof TupleType values && values.elements().size() != tuple.getElements().size()) {
				error("cannot unpack " + values.elements().size() + " values into " + tuple.getElements().size()
						+ " names", statement.getValue(), null, IssueCodes.TYPE_MISMATCH);
			}
			return;
		}
		if (target instanceof NameRef name && name.getRef() == name) {
			return; // the first assignment declares the name with the value's type
		}
		checkStore(statement.getValue(), types.typeOf(target), "'" + TypeValidator.text(target) + "'");
	}

	private void augmented(ExprStmt statement, Expr target) {
		Type targetType = types.typeOf(target);
		Type valueType = types.typeOf(statement.getValue());
		if (!TypeValidator.isValue(targetType) || !TypeValidator.isValue(valueType)) {
			return;
		}
		String op = statement.getOp().substring(0, statement.getOp().length() - 1);
		if (targetType instanceof TensorType || valueType instanceof TensorType) {
			error("'" + statement.getOp() + "' updates a scalar or one element; '" + TypeValidator.text(target)
					+ "' " + (targetType instanceof TensorType ? "is the tensor " + targetType.display()
							: "gets the tensor " + valueType.display())
					+ "; index it (A[i, j] " + statement.getOp() + " ...)", statement, null, IssueCodes.OPERAND_TYPE);
			return;
		}
		if (TypeRules.binary(op, targetType, valueType) == null) {
			error("'" + statement.getOp() + "' is not defined for " + targetType.display() + " and "
					+ valueType.display(), statement, null, IssueCodes.OPERAND_TYPE);
			return;
		}
		if (!"<<".equals(op) && !">>".equals(op) && !"**".equals(op)) {
			checkStore(statement.getValue(), targetType, "'" + TypeValidator.text(target) + "'");
		}
	}

	@Check
	public void returns(FunctionDef function) {
		if (inLibrary(function) || function.getBody() == null) {
			return;
		}
		Type declared = function.getReturnType() == null ? NoneType.INSTANCE : types.returnType(function);
		List<ReturnStmt> returns = ownReturns(function);
		if (declared instanceof NoneType) {
			for (ReturnStmt statement : returns) {
				if (statement.getValue() != null && !(statement.getValue() instanceof NoneLiteral)) {
					error("kernel '" + function.getName() + "' declares no return type but returns a value; add -> "
							+ describeReturn(statement.getValue()) + " to its signature", statement,
							AlloPackage.Literals.RETURN_STMT__VALUE, IssueCodes.UNEXPECTED_RETURN);
				}
			}
			return;
		}
		if (returns.isEmpty()) {
			error("kernel '" + function.getName() + "' declares -> " + TypeValidator.text(function.getReturnType())
					+ " but never returns a value; add a return statement", function,
					AlloPackage.Literals.FUNCTION_DEF__RETURN_TYPE, IssueCodes.MISSING_RETURN);
			return;
		}
		for (ReturnStmt statement : returns) {
			checkReturn(function, statement, declared);
		}
	}

	private String describeReturn(Expr value) {
		Type type = types.typeOf(value);
		return TypeValidator.isValue(type) || type instanceof TupleType ? type.display() : "...";
	}

	private void checkReturn(FunctionDef function, ReturnStmt statement, Type declared) {
		if (statement.getValue() == null || statement.getValue() instanceof NoneLiteral) {
			error("kernel '" + function.getName() + "' must return " + declared.display() + "; this return has no value",
					statement, null, IssueCodes.MISSING_RETURN);
			return;
		}
		if (declared instanceof UnknownType) {
			return;
		}
		if (declared instanceof TupleType tuple) {
			Type given = types.typeOf(statement.getValue());
			if (!(statement.getValue() instanceof TupleExpr values) || values.getElements().size() != tuple.elements().size()) {
				if (!(given instanceof UnknownType)) {
					error("kernel '" + function.getName() + "' returns " + tuple.elements().size() + " values "
							+ declared.display() + "; this return gives " + count(given), statement.getValue(), null,
							IssueCodes.TYPE_MISMATCH);
				}
				return;
			}
			for (int i = 0; i < tuple.elements().size(); i++) {
				checkStore(values.getElements().get(i), tuple.elements().get(i),
						"return value " + (i + 1) + " of kernel '" + function.getName() + "'");
			}
			return;
		}
		checkStore(statement.getValue(), declared, "the return value of kernel '" + function.getName() + "'");
	}

	private static String count(Type given) {
		return given instanceof TupleType tuple ? tuple.elements().size() + " values" : "one value " + given.display();
	}

	/** The return statements of a kernel, not of kernels nested in it. */
	private static List<ReturnStmt> ownReturns(FunctionDef function) {
		List<ReturnStmt> result = new ArrayList<>();
		for (ReturnStmt statement : EcoreUtil2.getAllContentsOfType(function.getBody(), ReturnStmt.class)) {
			if (EcoreUtil2.getContainerOfType(statement, FunctionDef.class) == function) {
				result.add(statement);
			}
		}
		return result;
	}
}
