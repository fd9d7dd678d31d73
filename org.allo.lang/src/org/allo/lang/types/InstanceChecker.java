package org.allo.lang.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.BinaryExpr;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.ExprStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Statement;
import org.allo.lang.allo.Suite;
import org.allo.lang.allo.TypeParam;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.allo.WithStmt;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Types a template's body once more for one instantiation ({@code T = int8, M = 4}): operators
 * must apply to the instantiated operand types and stores must keep their shapes. Branches of
 * {@code meta_if}/{@code meta_elif}/{@code meta_else} that this instance does not take are skipped,
 * as are branches whose condition cannot be decided.
 */
@Singleton
public class InstanceChecker {

	@Inject
	private TypeComputer computer;

	@Inject
	private MetaBranches metaBranches;

	/** The problems of the instance, each as "line N: what is wrong". */
	public List<String> problems(FunctionDef template, Map<TypeParam, Object> binding) {
		List<String> problems = new ArrayList<>();
		if (template.getBody() != null) {
			checkBlock(template.getBody(), binding, problems);
		}
		return problems;
	}

	private void checkBlock(Suite block, Map<TypeParam, Object> binding, List<String> problems) {
		List<Statement> statements = block.getStatements();
		for (int i = 0; i < statements.size(); i++) {
			Statement statement = statements.get(i);
			if (statement instanceof WithStmt with && MetaBranches.isBranch(with)) {
				if (Boolean.TRUE.equals(metaBranches.taken(statements, i, binding))) {
					checkBlock(with.getBody(), binding, problems);
				}
			} else if (!(statement instanceof FunctionDef)) {
				// a nested kernel is checked where it is instantiated
				checkStatement(statement, binding, problems);
			}
		}
	}

	private void checkStatement(Statement statement, Map<TypeParam, Object> binding, List<String> problems) {
		for (BinaryExpr binary : EcoreUtil2.getAllContentsOfType(statement, BinaryExpr.class)) {
			if (!insideMetaBranch(binary, statement)) {
				checkOperator(binary, binding, problems);
			}
		}
		if (statement instanceof VarDecl decl && decl.getInit() != null) {
			checkStore(computer.denotedType(decl.getType(), binding), decl.getInit(), binding, problems);
		} else if (statement instanceof ExprStmt assignment && "=".equals(assignment.getOp())
				&& !(assignment.getExpr() instanceof NameRef)) {
			checkStore(computer.typeOf(assignment.getExpr(), binding), assignment.getValue(), binding, problems);
		}
		for (EObject child : statement.eContents()) {
			if (child instanceof Suite suite) {
				checkBlock(suite, binding, problems);
			} else {
				for (Suite suite : EcoreUtil2.getAllContentsOfType(child, Suite.class)) {
					if (suite.eContainer() == child) {
						checkBlock(suite, binding, problems);
					}
				}
			}
		}
	}

	/** Operators of nested blocks are visited with their block (so meta branches are honoured). */
	private static boolean insideMetaBranch(BinaryExpr binary, Statement statement) {
		return EcoreUtil2.getContainerOfType(binary, Suite.class) != EcoreUtil2.getContainerOfType(statement, Suite.class);
	}

	private void checkOperator(BinaryExpr binary, Map<TypeParam, Object> binding, List<String> problems) {
		Type left = computer.typeOf(binary.getLeft(), binding);
		Type right = computer.typeOf(binary.getRight(), binding);
		if (isScalar(left) && isScalar(right) && TypeRules.binary(binary.getOp(), left, right) == null) {
			problems.add("line " + line(binary) + ": '" + binary.getOp() + "' is not defined for " + left.display()
					+ " and " + right.display());
		}
	}

	private void checkStore(Type target, Expr value, Map<TypeParam, Object> binding, List<String> problems) {
		Type source = computer.typeOf(value, binding);
		if (target instanceof TensorType expected && source instanceof TensorType given
				&& !expected.shapeCompatibleWith(given)) {
			problems.add("line " + line(value) + ": " + given.display() + " is stored where " + expected.display()
					+ " is expected");
		}
	}

	private static boolean isScalar(Type type) {
		return type.isNumeric();
	}

	private static int line(EObject object) {
		ICompositeNode node = NodeModelUtils.getNode(object);
		return node == null ? 0 : node.getStartLine();
	}
}
