package org.allo.lang.scoping;

import org.allo.lang.allo.Module;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;

import com.google.inject.Inject;

/**
 * Only modules are exported to the index: names inside a module are found through the module
 * (imports and member access), as in Python, and the index stays small.
 */
public class AlloQualifiedNameProvider extends IQualifiedNameProvider.AbstractImpl {

	@Inject
	private ModuleNames moduleNames;

	@Override
	public QualifiedName getFullyQualifiedName(EObject object) {
		if (object instanceof Module && object.eResource() != null) {
			return moduleNames.qualifiedName(object.eResource().getURI());
		}
		return null;
	}
}
