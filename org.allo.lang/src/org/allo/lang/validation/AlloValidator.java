package org.allo.lang.validation;

import org.eclipse.xtext.validation.ComposedChecks;

/** All checks of the language, one validator class per topic. */
@ComposedChecks(validators = { StructureValidator.class, ScheduleReferenceValidator.class, TypeValidator.class,
		AssignmentValidator.class, LoopValidator.class, CallValidator.class, LayoutValidator.class, BankingValidator.class,
		ScheduleLegalityValidator.class, VerifyCallValidator.class, DataflowValidator.class })
public class AlloValidator extends AbstractAlloValidator {
}
