package org.allo.lang.tests.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.tests.AlloProject;
import org.eclipse.emf.ecore.resource.Resource;

/** A region written as source text, checked (no errors) and lowered, for the dataflow tests. */
final class RegionFixture {

	private RegionFixture() {
	}

	static IrModule lowered(String fileName, String text, String region) {
		AlloProject project = new AlloProject();
		Resource resource = project.add(fileName, text);
		assertEquals(List.of(), project.formatted(resource).stream().filter(line -> line.contains(": error: ")).toList());
		FunctionDef kernel = project.module(resource).getStatements().stream().filter(FunctionDef.class::isInstance)
				.map(FunctionDef.class::cast).filter(function -> function.getName().equals(region)).findFirst().orElseThrow();
		LoweringResult result = AlloProject.injector().getInstance(Lowering.class).lower(kernel);
		assertTrue(result.succeeded(), () -> result.errors().toString());
		return result.module();
	}

	static IrFunction top(IrModule module) {
		return module.getFunctions().stream().filter(IrFunction::isTop).findFirst().orElseThrow();
	}
}
