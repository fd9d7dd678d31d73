package org.allo.lang.lowering;

import java.util.List;

import org.allo.lang.ir.IrModule;
import org.allo.lang.validation.Diagnostic;

/**
 * The lowered module, or the diagnostics that say why the kernel could not be lowered. For a
 * dataflow region, streamUses lists every put and get of a region stream by a kernel instance.
 */
public record LoweringResult(IrModule module, List<Diagnostic> errors, List<StreamUse> streamUses) {

	public LoweringResult(IrModule module, List<Diagnostic> errors) {
		this(module, errors, List.of());
	}

	public boolean succeeded() {
		return module != null;
	}
}
