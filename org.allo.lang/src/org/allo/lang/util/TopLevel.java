package org.allo.lang.util;

import org.allo.lang.allo.Module;
import org.allo.lang.allo.Statement;
import org.eclipse.emf.ecore.EObject;

/** The top-level statement an object belongs to: the unit that incremental checks keep results for. */
public final class TopLevel {

	private TopLevel() {
	}

	/** The module's statement that contains the object (or is it); null outside a module's statements. */
	public static Statement statementOf(EObject object) {
		EObject current = object;
		while (current != null && !(current.eContainer() instanceof Module)) {
			current = current.eContainer();
		}
		return current instanceof Statement statement ? statement : null;
	}
}
