package org.allo.lang.lowering;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.scoping.Stdlib;
import org.allo.lang.types.ConstantEvaluator;
import org.allo.lang.types.TypeService;
import org.allo.lang.validation.IssueCodes;

import com.google.inject.Inject;

/**
 * Lowers a checked kernel and the kernels it calls to an IR module (issue 4): one function per
 * kernel, the called ones first, the requested one marked top. What the lowering does not cover
 * yet is reported as a diagnostic, never thrown at the caller.
 */
public class Lowering {

	@Inject
	private TypeService types;

	@Inject
	private ConstantEvaluator constants;

	@Inject
	private Stdlib stdlib;

	public LoweringResult lower(FunctionDef kernel) {
		IrModule module = IrFactory.eINSTANCE.createIrModule();
		module.setName(kernel.getName());
		Map<FunctionDef, IrFunction> lowered = new LinkedHashMap<>();
		try {
			IrFunction top = lower(kernel, module, lowered);
			top.setTop(true);
			module.getFunctions().addAll(lowered.values());
			return new LoweringResult(module, List.of());
		} catch (LoweringError error) {
			return new LoweringResult(null, List.of(error.diagnostic()));
		}
	}

	private IrFunction lower(FunctionDef kernel, IrModule module, Map<FunctionDef, IrFunction> lowered) {
		IrFunction existing = lowered.get(kernel);
		if (existing != null) {
			return existing;
		}
		if (!kernel.getTypeParams().isEmpty()) {
			throw new LoweringError(kernel, IssueCodes.LOWERING_TEMPLATE, "kernel '" + kernel.getName()
					+ "' is a template; instantiating templates is not lowered yet, so show a kernel without [type parameters]");
		}
		KernelLowering lowering = new KernelLowering(kernel, types, constants, stdlib, module,
				callee -> lower(callee, module, lowered));
		IrFunction function = lowering.signature();
		lowering.body();
		lowered.put(kernel, function);
		return function;
	}
}
