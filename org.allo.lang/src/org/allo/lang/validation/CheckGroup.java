package org.allo.lang.validation;

import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;

/**
 * One topic's checks. Groups run as part of {@link AlloValidator} through its
 * {@code @ComposedChecks}; registering them on their own would run every check twice.
 */
public abstract class CheckGroup extends AbstractDeclarativeValidator {

	@Override
	public final void register(EValidatorRegistrar registrar) {
		// AlloValidator registers the composition
	}
}
