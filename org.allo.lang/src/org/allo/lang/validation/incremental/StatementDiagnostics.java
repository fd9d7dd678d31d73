package org.allo.lang.validation.incremental;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.Statement;
import org.allo.lang.util.TopLevel;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.FeatureBasedDiagnostic;

import com.google.inject.Singleton;

/**
 * What checks reported, kept across versions of a file under a key that says what the checks read
 * ({@link StatementUnits}): the checks of a top-level statement, or a module check's part for one
 * component. A diagnostic is kept relative to the statements the key covers (which of them, and the
 * path from it to the object the diagnostic is on), so that it is placed on the same object of the
 * next version wherever the statements have moved. Bounded, least recently used first out.
 */
@Singleton
public class StatementDiagnostics {

	/** One diagnostic, relative to the statements its key covers. */
	public record Kept(int severity, String message, int statement, String path, EStructuralFeature feature, int index,
			CheckType checkType, String code, String[] data) {

		/** The diagnostic on the statements of this version. */
		public Diagnostic on(List<Statement> statements) {
			Statement at = statements.get(statement);
			EObject source = path == null ? at : EcoreUtil.getEObject(at, path);
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
	 * Keeps what the checks reported, unless a diagnostic cannot be placed again: one on an object
	 * outside the statements, or of another kind than Xtext's feature-based ones.
	 */
	public void put(String key, List<Statement> statements, List<Diagnostic> reported) {
		List<Kept> relative = new ArrayList<>(reported.size());
		for (Diagnostic diagnostic : reported) {
			if (!(diagnostic instanceof FeatureBasedDiagnostic featureBased)) {
				return;
			}
			EObject source = featureBased.getSourceEObject();
			Statement at = TopLevel.statementOf(source);
			int statement = at == null ? -1 : statements.indexOf(at);
			if (statement < 0) {
				return;
			}
			relative.add(new Kept(featureBased.getSeverity(), featureBased.getMessage(), statement,
					source == at ? null : EcoreUtil.getRelativeURIFragmentPath(at, source), featureBased.getFeature(),
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
