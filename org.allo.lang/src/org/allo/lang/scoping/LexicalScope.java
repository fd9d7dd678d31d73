package org.allo.lang.scoping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.allo.lang.allo.Referable;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.impl.AbstractScope;

/**
 * The names visible at one place in a file ({@link LexicalBindings}), falling back to the prelude.
 * Single lookups go straight to the per-block tables, so linking a large file stays linear.
 */
class LexicalScope extends AbstractScope {

	private final EObject context;
	private final LexicalBindings bindings;

	LexicalScope(IScope prelude, EObject context, LexicalBindings bindings) {
		super(prelude, false);
		this.context = context;
		this.bindings = bindings;
	}

	@Override
	protected Iterable<IEObjectDescription> getAllLocalElements() {
		List<IEObjectDescription> result = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Binding binding : bindings.visible(context)) {
			if (seen.add(binding.name())) {
				result.add(EObjectDescription.create(QualifiedName.create(binding.name()), binding.target()));
			}
		}
		return result;
	}

	@Override
	protected Iterable<IEObjectDescription> getLocalElementsByName(QualifiedName name) {
		if (name.getSegmentCount() != 1) {
			return List.of();
		}
		Referable target = bindings.lookup(context, name.getFirstSegment());
		return target == null ? List.of() : List.of(EObjectDescription.create(name, target));
	}

	@Override
	protected boolean isShadowed(IEObjectDescription fromParent) {
		return fromParent.getName().getSegmentCount() == 1
				&& bindings.lookup(context, fromParent.getName().getFirstSegment()) != null;
	}
}
