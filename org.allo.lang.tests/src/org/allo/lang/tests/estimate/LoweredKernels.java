package org.allo.lang.tests.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.ir.IrDimLayout;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrLayout;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrPartitionKind;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.Buffers;
import org.allo.lang.schedule.passes.Loops;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.scoping.Names;
import org.allo.lang.tests.AlloProject;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * Kernels for the estimator tests: lowered from source, with schedule attributes then set on the
 * IR directly, or with a schedule of the source applied.
 */
final class LoweredKernels {

	private LoweredKernels() {
	}

	static IrModule lower(String source, String kernel) {
		AlloProject project = new AlloProject();
		Resource resource = project.add("estimate_case.allo", source);
		assertEquals(List.of(), project.formatted(resource), "an estimator case must check clean");
		FunctionDef def = project.module(resource).getStatements().stream().filter(FunctionDef.class::isInstance)
				.map(FunctionDef.class::cast).filter(f -> f.getName().equals(kernel)).findFirst().orElseThrow();
		LoweringResult result = AlloProject.injector().getInstance(Lowering.class).lower(def);
		assertTrue(result.succeeded(), () -> "lowering failed: " + result.errors());
		return result.module();
	}

	/** The design of schedule {@code name} of the source, its steps applied. */
	static IrModule scheduled(String source, String name) {
		AlloProject project = new AlloProject();
		Resource resource = project.add("estimate_case.allo", source);
		assertEquals(List.of(), project.formatted(resource), "an estimator case must check clean");
		Schedule schedule = ScheduleSteps.of(project.module(resource)).stream().filter(s -> Names.nameOf(s.binding()).equals(name))
				.findFirst().orElseThrow();
		AppliedSchedule applied = AlloProject.injector().getInstance(ScheduleApplier.class).apply(schedule);
		assertTrue(applied.succeeded(), () -> "schedule " + name + " failed: " + applied.errors());
		return applied.module();
	}

	static IrFunction function(IrModule module, String prefix) {
		return module.getFunctions().stream().filter(f -> f.getName().startsWith(prefix)).findFirst().orElseThrow();
	}

	static IrFunction top(IrModule module) {
		return module.getFunctions().stream().filter(IrFunction::isTop).findFirst().orElseThrow();
	}

	static IrFor loop(IrModule module, String name) {
		return module.getFunctions().stream().flatMap(f -> Loops.byLoopName(f, name).stream()).findFirst().orElseThrow();
	}

	/** Partitions dimension {@code dim} (from 1) of the buffer named {@code buffer} in the top function. */
	static void partition(IrModule module, String buffer, int dim, IrPartitionKind kind, int factor) {
		var target = Buffers.byName(top(module), buffer).orElseThrow();
		int rank = target.getType() instanceof org.allo.lang.ir.IrTensorType tensor ? tensor.getShape().size() : 0;
		if (target.getLayout() == null) {
			IrLayout layout = IrFactory.eINSTANCE.createIrLayout();
			for (int d = 0; d < rank; d++) {
				IrDimLayout none = IrFactory.eINSTANCE.createIrDimLayout();
				none.setKind(IrPartitionKind.NONE);
				layout.getDims().add(none);
			}
			target.setLayout(layout);
		}
		IrDimLayout dimension = target.getLayout().getDims().get(dim - 1);
		dimension.setKind(kind);
		dimension.setFactor(factor);
	}
}
