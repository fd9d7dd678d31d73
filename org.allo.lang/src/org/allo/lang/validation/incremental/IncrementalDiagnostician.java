package org.allo.lang.validation.incremental;

import java.util.List;
import java.util.Map;

import org.allo.lang.allo.Module;
import org.allo.lang.allo.Statement;
import org.allo.lang.validation.CheckGroup;
import org.allo.lang.validation.incremental.StatementDiagnostics.Kept;
import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.xtext.validation.CancelableDiagnostician;

import com.google.inject.Inject;

/**
 * Validates a module statement by statement, and replays what an unchanged statement reported
 * before instead of checking it again: in an editor, an edit then re-checks only the statements
 * its text reaches ({@link StatementUnits}). The module's own checks run every time; so do the
 * checks of a statement that read the whole module (they say so with
 * {@link CheckGroup#readsWholeModule()}). Diagnostics are replayed at the statement's place in the
 * order of the module, so a check that looks at the errors reported so far sees the same ones.
 */
public class IncrementalDiagnostician extends CancelableDiagnostician {

	@Inject
	private StatementUnits units;

	@Inject
	private StatementDiagnostics kept;

	@Inject
	public IncrementalDiagnostician(EValidator.Registry registry) {
		super(registry);
	}

	@Override
	protected boolean doValidateContents(EObject object, DiagnosticChain diagnostics, Map<Object, Object> context) {
		if (!(object instanceof Module module) || !(diagnostics instanceof BasicDiagnostic chain)) {
			return super.doValidateContents(object, diagnostics, context);
		}
		boolean valid = true;
		for (Statement statement : module.getStatements()) {
			checkCanceled(context);
			String key = units.keyOf(statement);
			List<Kept> before = key == null ? null : kept.get(key);
			valid &= before != null ? replay(before, statement, chain) : check(statement, key, chain, context);
		}
		return valid;
	}

	private static boolean replay(List<Kept> diagnostics, Statement statement, BasicDiagnostic chain) {
		boolean valid = true;
		for (Kept diagnostic : diagnostics) {
			chain.add(diagnostic.on(List.of(statement)));
			valid &= diagnostic.severity() < Diagnostic.ERROR;
		}
		return valid;
	}

	private boolean check(Statement statement, String key, BasicDiagnostic chain, Map<Object, Object> context) {
		int first = chain.getChildren().size();
		context.remove(CheckGroup.READS_WHOLE_MODULE);
		boolean valid = validate(statement, chain, context);
		if (key != null && context.remove(CheckGroup.READS_WHOLE_MODULE) == null) {
			List<Diagnostic> reported = chain.getChildren();
			kept.put(key, List.of(statement), List.copyOf(reported.subList(first, reported.size())));
		}
		return valid;
	}
}
