package org.allo.lang.validation;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;

/**
 * One topic's checks. Groups run as part of {@link AlloValidator} through its
 * {@code @ComposedChecks}; registering them on their own would run every check twice.
 */
public abstract class CheckGroup extends AbstractDeclarativeValidator {

	/**
	 * The validation context's flag that a check of the current top-level statement read more than
	 * the statement and what it refers to (see
	 * {@link org.allo.lang.validation.incremental.IncrementalDiagnostician}).
	 */
	public static final String READS_WHOLE_MODULE = "org.allo.lang.validation.readsWholeModule";

	@Override
	public final void register(EValidatorRegistrar registrar) {
		// AlloValidator registers the composition
	}

	/**
	 * Says that this check's outcome depends on the whole module (errors anywhere, every schedule),
	 * so that what it reports is never replayed from an earlier version of the module.
	 */
	protected void readsWholeModule() {
		getContext().put(READS_WHOLE_MODULE, Boolean.TRUE);
	}

	/** A check has reported an error on this module so far; reading it reads the whole module. */
	protected boolean hasErrorsSoFar() {
		readsWholeModule();
		return getChain() instanceof Diagnostic diagnostics && diagnostics.getSeverity() >= Diagnostic.ERROR;
	}
}
