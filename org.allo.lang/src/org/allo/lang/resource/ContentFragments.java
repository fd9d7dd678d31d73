package org.allo.lang.resource;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * The URI fragment of every object in a resource, in EMF's default format ({@code /} for a single
 * root, {@code //@statements.3/@body.0} below it), computed in one walk. EMF computes each object's
 * fragment on its own, looking its index up in every list above it: quadratic in a large module,
 * where the top-level statement list holds hundreds of entries.
 */
public final class ContentFragments {

	private ContentFragments() {
	}

	public static Map<EObject, String> of(Resource resource) {
		Map<EObject, String> fragments = new IdentityHashMap<>();
		List<EObject> roots = resource.getContents();
		for (int i = 0; i < roots.size(); i++) {
			addTree(roots.get(i), "/" + (roots.size() > 1 ? Integer.toString(i) : ""), fragments);
		}
		return fragments;
	}

	private static void addTree(EObject object, String fragment, Map<EObject, String> fragments) {
		fragments.put(object, fragment);
		for (EReference containment : object.eClass().getEAllContainments()) {
			String segment = fragment + "/@" + containment.getName();
			if (containment.isMany()) {
				List<?> children = (List<?>) object.eGet(containment, false);
				for (int i = 0; i < children.size(); i++) {
					addTree((EObject) children.get(i), segment + "." + i, fragments);
				}
			} else if (object.eGet(containment, false) instanceof EObject child) {
				addTree(child, segment, fragments);
			}
		}
	}
}
