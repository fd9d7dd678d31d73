package org.allo.lang.lowering;

import org.allo.lang.dataflow.DataflowSyntax;
import org.allo.lang.scoping.Stdlib;
import org.allo.lang.types.ConstantEvaluator;
import org.allo.lang.types.MetaBranches;
import org.allo.lang.types.Templates;

/** The language services every kernel lowering consults, injected once into {@link Lowering}. */
record LoweringServices(ConstantEvaluator constants, Templates templates, Stdlib stdlib, MetaBranches metaBranches,
		DataflowSyntax dataflow) {
}
