package org.allo.lang.resource;

import org.allo.lang.scoping.StatementReferences;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionManager;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/** Describes files with {@link AlloResourceDescription}. */
@Singleton
public class AlloResourceDescriptionManager extends DefaultResourceDescriptionManager {

	@Inject
	private StatementReferences references;

	@Override
	protected IResourceDescription internalGetResourceDescription(Resource resource, IDefaultResourceDescriptionStrategy strategy) {
		return new AlloResourceDescription(resource, strategy, getCache(), references);
	}
}
