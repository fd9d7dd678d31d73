package org.allo.lang.scoping;

import java.util.ArrayList;
import java.util.List;

import org.allo.lang.allo.AlloPackage;
import org.allo.lang.allo.Module;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.impl.DefaultGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.MapBasedScope;

import com.google.common.base.Predicate;
import com.google.inject.Inject;

/**
 * The project's modules from the index, with the standard library in front: the library is not
 * part of any workspace, so it is loaded from the bundle into the resource set that needs it, and a
 * project file cannot shadow {@code allo} by accident.
 */
public class AlloGlobalScopeProvider extends DefaultGlobalScopeProvider {

	@Inject
	private Stdlib stdlib;

	@Override
	public IScope getScope(Resource resource, EReference reference, Predicate<IEObjectDescription> filter) {
		IScope project = super.getScope(resource, reference, filter);
		if (!AlloPackage.Literals.MODULE.isSuperTypeOf(reference.getEReferenceType())) {
			return project;
		}
		List<IEObjectDescription> modules = new ArrayList<>();
		for (String name : stdlib.moduleNames()) {
			Module module = stdlib.load(resource.getResourceSet(), name);
			if (module != null) {
				modules.add(EObjectDescription.create(stdlib.qualifiedName(name), module));
			}
		}
		return MapBasedScope.createScope(project, modules);
	}
}
