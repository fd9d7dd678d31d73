package org.allo.lang.resource;

import java.util.List;
import java.util.Map;

import org.allo.lang.allo.Module;
import org.allo.lang.allo.Referable;
import org.allo.lang.scoping.StatementReferences;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.resource.Resource.Diagnostic;
import org.eclipse.xtext.linking.impl.XtextLinkingDiagnostic;
import org.eclipse.xtext.linking.lazy.LazyLinkingResource;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.Triple;

import com.google.inject.Inject;

/**
 * A lazy-linking resource that does not compute an "unresolved" message for every reference it
 * resolves. Xtext builds that message on each successful resolution, in any file with an error, just
 * to look for a stale diagnostic to remove; ours carry suggestions, which made one syntax error in a
 * large file cost seconds. Unloading (the language server does it on every edit, before parsing the
 * new text) turns each object into a proxy with its URI fragment; those are computed in one walk
 * ({@link ContentFragments}) instead of one quadratic lookup per object, and only for what a reference can
 * point to. Once every reference of a file that reaches no other user file is resolved, asking
 * again (the language server's builder, index and validator each ask) does not walk the file again.
 */
public class AlloResource extends LazyLinkingResource {

	@Inject
	private StatementReferences references;

	/** The fragments of the contents being unloaded; null otherwise. */
	private Map<EObject, String> unloadingFragments;

	/**
	 * Every reference of this version is resolved, and none leads into another user file (whose
	 * unloading could turn a resolved reference into a proxy behind this file's back).
	 */
	private boolean resolvedSelfContained;

	@Override
	public void resolveLazyCrossReferences(CancelIndicator monitor) {
		if (resolvedSelfContained) {
			return;
		}
		super.resolveLazyCrossReferences(monitor);
		resolvedSelfContained = (monitor == null || !monitor.isCanceled()) && !getContents().isEmpty()
				&& getContents().get(0) instanceof Module module && !references.of(module).refersToUserFiles();
	}

	@Override
	protected void updateInternalState(IParseResult oldParseResult, IParseResult newParseResult) {
		resolvedSelfContained = false;
		super.updateInternalState(oldParseResult, newParseResult);
	}

	@Override
	protected void clearInternalState() {
		resolvedSelfContained = false;
		super.clearInternalState();
	}

	@Override
	protected void doUnload() {
		resolvedSelfContained = false;
		unloadingFragments = ContentFragments.of(this, Referable.class::isInstance);
		try {
			super.doUnload();
		} finally {
			unloadingFragments = null;
		}
	}

	/**
	 * Only what a reference can point to (a {@link Referable}) is turned into a proxy, for references
	 * from other files to resolve again; the other objects of the old version are left to the garbage
	 * collector as they are (a file holds several times more expressions than names).
	 */
	@Override
	protected void unloaded(InternalEObject object) {
		if (object instanceof Referable) {
			super.unloaded(object);
		}
	}

	@Override
	public String getURIFragment(EObject object) {
		String fragment = unloadingFragments == null ? null : unloadingFragments.get(object);
		return fragment != null ? fragment : super.getURIFragment(object);
	}

	@Override
	protected void removeDiagnostic(Triple<EObject, EReference, INode> triple) {
		INode node = triple.getThird();
		if (node != null && (hasLinkingDiagnosticAt(getErrors(), node) || hasLinkingDiagnosticAt(getWarnings(), node))) {
			super.removeDiagnostic(triple);
		}
	}

	private static boolean hasLinkingDiagnosticAt(List<Diagnostic> diagnostics, INode node) {
		for (Diagnostic diagnostic : diagnostics) {
			if (diagnostic instanceof XtextLinkingDiagnostic linking && linking.getOffset() == node.getOffset()) {
				return true;
			}
		}
		return false;
	}
}
