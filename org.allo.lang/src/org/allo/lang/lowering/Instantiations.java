package org.allo.lang.lowering;

import org.allo.lang.scoping.Names;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.Argument;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.ListExpr;
import org.allo.lang.allo.TupleExpr;
import org.allo.lang.allo.TypeParam;
import org.allo.lang.scoping.Stdlib;
import org.allo.lang.types.Templates;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

import com.google.inject.Inject;

/** The binding a file gives a template kernel: the first {@code allo.customize(K, instantiate=[...])} of K in it. */
class Instantiations {

	@Inject
	private Templates templates;

	@Inject
	private Stdlib stdlib;

	Map<TypeParam, Object> of(FunctionDef template) {
		Iterator<EObject> contents = EcoreUtil.getAllContents(template.eResource(), true);
		while (contents.hasNext()) {
			List<Expr> arguments = contents.next() instanceof CallExpr call ? instantiateArguments(call, template) : null;
			if (arguments != null) {
				return templates.bindExplicit(template, arguments, Map.of());
			}
		}
		throw new LoweringError(template, IssueCodes.LOWERING_TEMPLATE, "kernel '" + template.getName()
				+ "' is a template and the file does not instantiate it; add allo.customize(" + template.getName()
				+ ", instantiate=[...]) or show a kernel that calls it");
	}

	private List<Expr> instantiateArguments(CallExpr call, FunctionDef template) {
		if (!(Names.targetOf(call.getCallee()) instanceof FunctionDef customize)
				|| !"customize".equals(customize.getName()) || !stdlib.isStdlib(customize.eResource())
				|| call.getArgs().isEmpty() || Names.targetOf(call.getArgs().get(0).getValue()) != template) {
			return null;
		}
		for (Argument argument : call.getArgs()) {
			if ("instantiate".equals(argument.getKeyword())) {
				return argument.getValue() instanceof ListExpr list ? list.getElements()
						: argument.getValue() instanceof TupleExpr tuple ? tuple.getElements() : null;
			}
		}
		return null;
	}
}
