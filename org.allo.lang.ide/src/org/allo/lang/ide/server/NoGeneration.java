package org.allo.lang.ide.server;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.IShouldGenerate;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * The language server generates nothing (code generation is {@code allo build}'s). Xtext's default
 * decides whether to run the generator by validating every rebuilt file a second time, which made
 * each edit check the file twice.
 */
public class NoGeneration implements IShouldGenerate {

	@Override
	public boolean shouldGenerate(Resource resource, CancelIndicator cancelIndicator) {
		return false;
	}
}
