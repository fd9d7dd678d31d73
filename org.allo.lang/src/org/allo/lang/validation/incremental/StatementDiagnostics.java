package org.allo.lang.validation.incremental;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.Statement;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.FeatureBasedDiagnostic;

import com.google.inject.Singleton;

/**
 * What the checks of each top-level statement reported, kept across versions of its file under
 * the statement's key ({@link StatementUnits}). A diagnostic is kept relative to its statement (the
 * path from the statement to the object it is on), so that it is placed on the same object of the
 * next version wherever the statement has moved. Bounded, least recently used first out.
 */
@Singleton
public class StatementDiagnostics {

	/** One diagnostic of a statement's checks, relative to the statement. */
	public record Kept(int severity, String message, String path, EStructuralFeature feature, int index, CheckType checkType,
			String code, String[] data) {

		/** The diagnostic on the statement of this version. */
		public Diagnostic on(Statement statement) {
			EObject source = path == null ? statement : EcoreUtil.getEObject(statement, path);
			return new FeatureBasedDiagnostic(severity, message, source, feature, index, checkType, code, data);
		}
	}

	private static final int CAPACITY = 65_536;

	private final Map<String, List<Kept>> kept = new LinkedHashMap<>(256, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, List<Kept>> eldest) {
			return size() > CAPACITY;
		}
	};

	/** What the statement's checks reported under this key; null when unknown. */
	public synchronized List<Kept> get(String key) {
		return kept.get(key);
	}

	/**
	 * Keeps what the statement's checks reported, unless a diagnostic cannot be placed again: one on
	 * an object outside the statement, or of another kind than Xtext's feature-based ones.
	 */
	public void put(String key, Statement statement, List<Diagnostic> reported) {
		List<Kept> relative = new ArrayList<>(reported.size());
		for (Diagnostic diagnostic : reported) {
			if (!(diagnostic instanceof FeatureBasedDiagnostic featureBased) || !EcoreUtil.isAncestor(statement, featureBased.getSourceEObject())) {
				return;
			}
			EObject source = featureBased.getSourceEObject();
			relative.add(new Kept(featureBased.getSeverity(), featureBased.getMessage(),
					source == statement ? null : EcoreUtil.getRelativeURIFragmentPath(statement, source), featureBased.getFeature(),
					featureBased.getIndex(), featureBased.getCheckType(), featureBased.getIssueCode(), featureBased.getIssueData()));
		}
		synchronized (this) {
			kept.put(key, relative.isEmpty() ? List.of() : List.copyOf(relative));
		}
	}

	/** Forgets everything, as a new editor session would start. */
	public synchronized void clear() {
		kept.clear();
	}
}
