package org.allo.lang.scoping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.allo.lang.allo.AlloPackage;
import org.allo.lang.allo.FromImportStmt;
import org.allo.lang.allo.ImportedName;
import org.allo.lang.allo.MemberExpr;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Referable;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.impl.MapBasedScope;
import org.eclipse.xtext.util.IResourceScopeCache;

import com.google.inject.Inject;

/**
 * Scopes of the four kinds of reference: bare names (lexical, then the prelude), members
 * ({@link Members}), imported modules (the index plus the standard library) and the names a
 * {@code from ... import} takes from its module.
 */
public class AlloScopeProvider extends AbstractAlloScopeProvider {

	private static final String MEMBER_SCOPES = AlloScopeProvider.class.getName() + ".members";

	@Inject
	private LexicalBindings bindings;

	@Inject
	private Members members;

	@Inject
	private Stdlib stdlib;

	@Inject
	private IGlobalScopeProvider globalScopes;

	@Inject
	private IResourceScopeCache cache;

	@Override
	public IScope getScope(EObject context, EReference reference) {
		if (reference == AlloPackage.Literals.NAME_REF__REF) {
			return new LexicalScope(prelude(context.eResource()), context, bindings);
		} else if (reference == AlloPackage.Literals.MEMBER_EXPR__MEMBER) {
			return context instanceof MemberExpr member ? memberScope(member) : IScope.NULLSCOPE;
		} else if (reference == AlloPackage.Literals.IMPORT_STMT__MODULE
				|| reference == AlloPackage.Literals.FROM_IMPORT_STMT__MODULE) {
			return globalScopes.getScope(context.eResource(), reference, null);
		} else if (reference == AlloPackage.Literals.IMPORTED_NAME__TARGET) {
			return importable(context);
		}
		return IScope.NULLSCOPE;
	}

	/**
	 * The members of {@code receiver.}: those of a bare name depend on what the name means only, so
	 * they are made once per meaning and version of the file (a schedule's hundreds of steps all
	 * look up the same schedule's members).
	 */
	private IScope memberScope(MemberExpr member) {
		if (member.getReceiver() instanceof NameRef name && member.eResource() != null) {
			Referable meaning = name.getRef();
			if (meaning != null && !meaning.eIsProxy()) {
				Map<Referable, IScope> known = cache.get(MEMBER_SCOPES, member.eResource(), ConcurrentHashMap::new);
				IScope scope = known.get(meaning);
				if (scope == null) {
					scope = scopeOf(members.of(name));
					known.put(meaning, scope);
				}
				return scope;
			}
		}
		return scopeOf(members.of(member.getReceiver()));
	}

	private IScope importable(EObject context) {
		EObject statement = context instanceof ImportedName ? context.eContainer() : context;
		if (statement instanceof FromImportStmt fromImport && fromImport.getModule() != null
				&& !fromImport.getModule().eIsProxy()) {
			Map<String, List<Binding>> moduleBindings = bindings.bindingsOf(fromImport.getModule());
			List<IEObjectDescription> descriptions = new ArrayList<>();
			moduleBindings.forEach((name, list) -> descriptions
					.add(EObjectDescription.create(QualifiedName.create(name), list.get(0).target())));
			return MapBasedScope.createScope(IScope.NULLSCOPE, descriptions);
		}
		return IScope.NULLSCOPE;
	}

	private IScope prelude(Resource resource) {
		if (resource == null) {
			return IScope.NULLSCOPE;
		}
		return cache.get(AlloScopeProvider.class, resource, () -> {
			IScope scope = IScope.NULLSCOPE;
			List<Module> prelude = new ArrayList<>(stdlib.prelude(resource.getResourceSet()));
			for (int i = prelude.size() - 1; i >= 0; i--) {
				Module module = prelude.get(i);
				if (module.eResource() == resource) {
					continue; // its own names are lexical bindings already
				}
				List<IEObjectDescription> descriptions = new ArrayList<>();
				bindings.bindingsOf(module).forEach((name, list) -> descriptions
						.add(EObjectDescription.create(QualifiedName.create(name), list.get(0).target())));
				scope = MapBasedScope.createScope(scope, descriptions);
			}
			return scope;
		});
	}

	private static IScope scopeOf(Map<String, Referable> named) {
		List<IEObjectDescription> descriptions = new ArrayList<>(named.size());
		named.forEach((name, target) -> descriptions.add(EObjectDescription.create(QualifiedName.create(name), target)));
		return MapBasedScope.createScope(IScope.NULLSCOPE, descriptions);
	}
}
