package org.allo.lang.validation;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;

/** Every diagnostic of a loaded file (syntax, linking, checks), in source order. */
public class ResourceChecker {

	@Inject
	private IResourceValidator validator;

	public List<Diagnostic> check(Resource resource) {
		List<Diagnostic> diagnostics = new ArrayList<>();
		for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
			diagnostics.add(Diagnostic.of(issue));
		}
		diagnostics.sort(null);
		return diagnostics;
	}
}
