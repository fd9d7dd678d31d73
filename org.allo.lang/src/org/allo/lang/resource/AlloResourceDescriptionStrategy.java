package org.allo.lang.resource;

import org.allo.lang.scoping.Stdlib;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * What a file puts into the index: its module, and its references into other files of the user's.
 * Only modules have names in the index ({@link org.allo.lang.scoping.AlloQualifiedNameProvider}),
 * so the walk stops at the module instead of asking every object of the file for a name; references
 * into the standard library are left out, since no one looks for the library's users.
 */
@Singleton
public class AlloResourceDescriptionStrategy extends DefaultResourceDescriptionStrategy {

	@Inject
	private Stdlib stdlib;

	@Override
	public boolean createEObjectDescriptions(EObject object, IAcceptor<IEObjectDescription> acceptor) {
		super.createEObjectDescriptions(object, acceptor);
		return false;
	}

	@Override
	protected boolean isResolvedAndExternal(EObject from, EObject to) {
		return super.isResolvedAndExternal(from, to) && !stdlib.isStdlib(to.eResource());
	}
}
