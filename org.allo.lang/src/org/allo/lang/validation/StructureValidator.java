package org.allo.lang.validation;

import java.util.HashMap;
import java.util.Map;

import org.allo.lang.allo.AlloPackage;
import org.allo.lang.allo.BraceExpr;
import org.allo.lang.allo.BreakStmt;
import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.ContinueStmt;
import org.allo.lang.allo.ForStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Statement;
import org.allo.lang.allo.UnsupportedStmt;
import org.allo.lang.allo.WhileStmt;
import org.allo.lang.scoping.Stdlib;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/** Python constructs outside Allo's kernel language, and the shape rules of kernels. */
public class StructureValidator extends CheckGroup {

	@Inject
	private Stdlib stdlib;

	@Check
	public void breakUnsupported(BreakStmt statement) {
		error("'break' is not supported in Allo kernels (hardware loops have fixed trip counts); "
				+ "use a while loop with a condition instead", statement, null, IssueCodes.UNSUPPORTED_STATEMENT);
	}

	@Check
	public void continueUnsupported(ContinueStmt statement) {
		error("'continue' is not supported in Allo kernels; guard the rest of the loop body with 'if' instead",
				statement, null, IssueCodes.UNSUPPORTED_STATEMENT);
	}

	@Check
	public void unsupported(UnsupportedStmt statement) {
		error("'" + statement.getKeyword() + "' is not supported in Allo kernels", statement,
				AlloPackage.Literals.UNSUPPORTED_STMT__KEYWORD, IssueCodes.UNSUPPORTED_STATEMENT);
	}

	@Check
	public void loopElse(ForStmt loop) {
		if (loop.getElse() != null) {
			error("'for ... else' is not supported (as in Allo); move the else block after the loop", loop,
					AlloPackage.Literals.FOR_STMT__ELSE, IssueCodes.UNSUPPORTED_STATEMENT);
		}
	}

	@Check
	public void loopElse(WhileStmt loop) {
		if (loop.getElse() != null) {
			error("'while ... else' is not supported (as in Allo); move the else block after the loop", loop,
					AlloPackage.Literals.WHILE_STMT__ELSE, IssueCodes.UNSUPPORTED_STATEMENT);
		}
	}

	@Check
	public void classOnlyInLibrary(ClassDef classDef) {
		if (!stdlib.isStdlib(classDef.eResource())) {
			error("classes are not part of Allo's kernel language; write a kernel with 'def' instead", classDef,
					AlloPackage.Literals.CLASS_DEF__NAME, IssueCodes.CLASS_OUTSIDE_LIBRARY);
		}
	}

	@Check
	public void parametersAnnotated(FunctionDef kernel) {
		if (stdlib.isStdlib(kernel.eResource())) {
			return;
		}
		for (Param param : kernel.getParams()) {
			if (param.getType() == null) {
				error("parameter '" + param.getName() + "' of kernel '" + kernel.getName()
						+ "' needs a type annotation, e.g. " + param.getName() + ": int32[M, N]", param,
						AlloPackage.Literals.PARAM__NAME, IssueCodes.MISSING_ANNOTATION);
			}
		}
	}

	@Check
	public void uniqueKernels(Module module) {
		Map<String, FunctionDef> seen = new HashMap<>();
		for (Statement statement : module.getStatements()) {
			if (statement instanceof FunctionDef kernel && kernel.getName() != null) {
				FunctionDef first = seen.putIfAbsent(kernel.getName(), kernel);
				if (first != null) {
					error("kernel '" + kernel.getName() + "' is already defined on line " + lineOf(first)
							+ "; rename one of them", kernel, AlloPackage.Literals.FUNCTION_DEF__NAME,
							IssueCodes.DUPLICATE_KERNEL);
				}
			}
		}
	}

	@Check
	public void setOrDict(BraceExpr braces) {
		long withValues = braces.getItems().stream().filter(item -> item.getValue() != null).count();
		if (withValues != 0 && withValues != braces.getItems().size()) {
			error("mix of set elements and 'key: value' entries in one {...}; write either a set or a dict", braces,
					null, IssueCodes.MIXED_BRACES);
		}
	}

	private static int lineOf(EObject object) {
		ICompositeNode node = NodeModelUtils.getNode(object);
		return node == null ? 0 : node.getStartLine();
	}
}
