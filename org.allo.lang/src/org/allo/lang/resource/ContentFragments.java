package org.allo.lang.resource;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * The URI fragments of the objects in a resource, in EMF's default format ({@code /} for a single
 * root, {@code //@statements.3/@body.0} below it), computed in one walk. EMF computes each object's
 * fragment on its own, looking its index up in every list above it: quadratic in a large module,
 * where the top-level statement list holds hundreds of entries.
 */
public final class ContentFragments {

	private ContentFragments() {
	}

	/** The fragments of the objects the filter accepts; the walk builds no text for the others. */
	public static Map<EObject, String> of(Resource resource, Predicate<EObject> wanted) {
		Map<EObject, String> fragments = new IdentityHashMap<>();
		List<EObject> roots = resource.getContents();
		StringBuilder path = new StringBuilder();
		for (int i = 0; i < roots.size(); i++) {
			path.setLength(0);
			path.append('/').append(roots.size() > 1 ? Integer.toString(i) : "");
			addTree(roots.get(i), path, wanted, fragments);
		}
		return fragments;
	}

	private static void addTree(EObject object, StringBuilder path, Predicate<EObject> wanted, Map<EObject, String> fragments) {
		if (wanted.test(object)) {
			fragments.put(object, path.toString());
		}
		int length = path.length();
		for (EReference containment : object.eClass().getEAllContainments()) {
			path.append("/@").append(containment.getName());
			int segment = path.length();
			if (containment.isMany()) {
				List<?> children = (List<?>) object.eGet(containment, false);
				for (int i = 0; i < children.size(); i++) {
					path.setLength(segment);
					path.append('.').append(i);
					addTree((EObject) children.get(i), path, wanted, fragments);
				}
			} else if (object.eGet(containment, false) instanceof EObject child) {
				addTree(child, path, wanted, fragments);
			}
			path.setLength(length);
		}
	}
}
