package org.allo.lang.resource;

import java.util.List;

import org.allo.lang.allo.Module;
import org.allo.lang.scoping.StatementReferences;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescription;
import org.eclipse.xtext.util.IResourceScopeCache;

/**
 * A file's index entry. A module that refers to no other file of the user's has no reference to
 * describe (those into the standard library are left out), which is known from the statements'
 * references ({@link StatementReferences}) without another walk over every object of the file.
 */
public class AlloResourceDescription extends DefaultResourceDescription {

	private final StatementReferences references;

	public AlloResourceDescription(Resource resource, IDefaultResourceDescriptionStrategy strategy, IResourceScopeCache cache,
			StatementReferences references) {
		super(resource, strategy, cache);
		this.references = references;
	}

	@Override
	protected List<IReferenceDescription> computeReferenceDescriptions() {
		if (!getResource().getContents().isEmpty() && getResource().getContents().get(0) instanceof Module module
				&& !references.of(module).refersToUserFiles()) {
			return List.of();
		}
		return super.computeReferenceDescriptions();
	}
}
