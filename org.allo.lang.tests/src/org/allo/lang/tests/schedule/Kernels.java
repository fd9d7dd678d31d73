package org.allo.lang.tests.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.schedule.passes.Loops;
import org.allo.lang.tests.AlloProject;
import org.eclipse.emf.ecore.resource.Resource;

/** Kernels written as source text, checked and lowered, for tests of the schedule machinery. */
public final class Kernels {

	public static final String HEADER = "import allo\nfrom allo.ir.types import int32, float32, index\n\n";

	private Kernels() {
	}

	/** The IR of the kernel named {@code kernel} in {@code body} (the imports are added); the source must check clean. */
	public static IrModule lower(String body, String kernel) {
		AlloProject project = new AlloProject();
		Resource resource = project.add("kernel.allo", HEADER + body);
		assertEquals(List.of(), project.formatted(resource));
		Module module = project.module(resource);
		FunctionDef function = module.getStatements().stream().filter(FunctionDef.class::isInstance).map(FunctionDef.class::cast)
				.filter(f -> kernel.equals(f.getName())).findFirst().orElseThrow();
		LoweringResult result = AlloProject.injector().getInstance(Lowering.class).lower(function);
		assertTrue(result.succeeded(), () -> result.errors().toString());
		return result.module();
	}

	public static IrFunction top(IrModule module) {
		return module.getFunctions().stream().filter(IrFunction::isTop).findFirst().orElseThrow();
	}

	/** The first loop named {@code name} in the top function. */
	public static IrFor loop(IrModule module, String name) {
		return Loops.byLoopName(top(module), name).orElseThrow();
	}
}
