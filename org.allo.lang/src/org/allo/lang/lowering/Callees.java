package org.allo.lang.lowering;

import java.util.Map;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.TypeParam;
import org.allo.lang.ir.IrFunction;
import org.eclipse.emf.ecore.EObject;

/** The IR function of a called kernel instance, lowered on first use. */
@FunctionalInterface
interface Callees {

	IrFunction lower(FunctionDef kernel, Map<TypeParam, Object> binding, EObject callSite);
}
