package org.allo.lang.lowering;

import java.util.List;

import org.allo.lang.ir.IrModule;
import org.allo.lang.validation.Diagnostic;

/** The lowered module, or the diagnostics that say why the kernel could not be lowered. */
public record LoweringResult(IrModule module, List<Diagnostic> errors) {

	public boolean succeeded() {
		return module != null;
	}
}
