package org.allo.lang.lowering;

import org.allo.lang.scoping.Names;
import java.util.HashMap;
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
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.util.IResourceScopeCache;

import com.google.inject.Inject;

/** The binding a file gives a template kernel: the first {@code allo.customize(K, instantiate=[...])} of K in it. */
class Instantiations {

	@Inject
	private Templates templates;

	@Inject
	private Stdlib stdlib;

	@Inject
	private IResourceScopeCache cache;

	Map<TypeParam, Object> of(FunctionDef template) {
		List<Expr> arguments = instantiations(template.eResource()).get(template);
		if (arguments != null) {
			return templates.bindExplicit(template, arguments, Map.of());
		}
		throw new LoweringError(template, IssueCodes.LOWERING_TEMPLATE, "kernel '" + template.getName()
				+ "' is a template and the file does not instantiate it; add allo.customize(" + template.getName()
				+ ", instantiate=[...]) or show a kernel that calls it");
	}

	/**
	 * The first {@code instantiate=} list of each template kernel customised in the file. Collected
	 * once per file version: the schedule checks lower every customised kernel, and a walk of the
	 * whole file per kernel made checking quadratic in the file's size.
	 */
	private Map<FunctionDef, List<Expr>> instantiations(Resource resource) {
		return cache.get(Instantiations.class, resource, () -> {
			Map<FunctionDef, List<Expr>> found = new HashMap<>();
			for (Iterator<EObject> contents = EcoreUtil.getAllContents(resource, true); contents.hasNext();) {
				if (contents.next() instanceof CallExpr call && hasInstantiate(call)
						&& Names.targetOf(call.getArgs().get(0).getValue()) instanceof FunctionDef template) {
					List<Expr> arguments = instantiateArguments(call, template);
					if (arguments != null) {
						found.putIfAbsent(template, arguments);
					}
				}
			}
			return found;
		});
	}

	/** Syntax only, so that most calls are passed over without resolving a name. */
	private static boolean hasInstantiate(CallExpr call) {
		return call.getArgs().size() > 1 && call.getArgs().stream().anyMatch(argument -> "instantiate".equals(argument.getKeyword()));
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
