package org.allo.lang.tests.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.dataflow.FifoSizing;
import org.allo.lang.ir.IrModule;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.scoping.Names;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.TestFiles;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * The designs the generator tests use: the cases under {@code resources/codegen} (a {@code # kernel: K}
 * header, the kernel's schedule in the file applied, {@code # apply:} lines for {@link IrDirectives}) and every kernel of {@code examples/} that the
 * lowering accepts; regions with the FIFO depths their source omits inferred.
 */
final class CodegenCases {

	private static final Pattern KERNEL = Pattern.compile("^# kernel: (\\w+)", Pattern.MULTILINE);

	/** A named design ready for the generator. */
	record Design(String name, IrModule module) {
	}

	private CodegenCases() {
	}

	static List<Path> caseFiles() {
		return TestFiles.alloFiles(TestFiles.resources().resolve("codegen"));
	}

	static Design load(Path file) {
		AlloProject project = new AlloProject();
		Resource resource = project.load(file);
		assertEquals(List.of(), project.formatted(resource), "a codegen case must be free of diagnostics");
		String source = TestFiles.read(file);
		Matcher header = KERNEL.matcher(source);
		assertTrue(header.find(), "missing '# kernel: NAME' header in " + file);
		FunctionDef kernel = kernels(project, resource).stream().filter(f -> f.getName().equals(header.group(1))).findFirst()
				.orElseThrow();
		IrModule module = scheduled(project, resource, kernel);
		IrDirectives.apply(source, module);
		return new Design(file.getFileName().toString().replaceFirst("\\.allo$", ""), module);
	}

	/** The kernel after the case's schedule of it (the last one), lowered as written when it has none. */
	private static IrModule scheduled(AlloProject project, Resource resource, FunctionDef kernel) {
		List<ScheduleSteps.Schedule> schedules = ScheduleSteps.of(project.module(resource)).stream().filter(s -> s.kernel() == kernel).toList();
		if (schedules.isEmpty()) {
			LoweringResult result = AlloProject.injector().getInstance(Lowering.class).lower(kernel);
			assertTrue(result.succeeded(), () -> "lowering failed: " + result.errors());
			return sized(result.module());
		}
		AppliedSchedule applied = AlloProject.injector().getInstance(ScheduleApplier.class).apply(schedules.get(schedules.size() - 1));
		assertTrue(applied.succeeded(), () -> "the schedule was refused: " + applied.errors());
		return applied.module();
	}

	/**
	 * The designs of the examples that allo build would build: each schedule with its steps applied, named
	 * example.schedule, and the last kernel of the file unscheduled when no schedule customises it, named
	 * example.kernel; those that lower and whose steps apply. Helper kernels are left out: random inputs for
	 * an index parameter of a helper may address outside its arrays.
	 */
	static List<Design> examples() {
		return designsIn(TestFiles.repository().resolve("examples"));
	}

	/** The designs of the schedule corpus ({@code resources/schedule}), chosen as for the examples. */
	static List<Design> scheduleCases() {
		return designsIn(TestFiles.resources().resolve("schedule"));
	}

	private static List<Design> designsIn(Path folder) {
		List<Design> designs = new ArrayList<>();
		for (Path file : TestFiles.alloFiles(folder)) {
			AlloProject project = new AlloProject();
			Resource resource = project.load(file);
			String example = file.getFileName().toString().replaceFirst("\\.allo$", "");
			Set<FunctionDef> customised = new LinkedHashSet<>();
			for (ScheduleSteps.Schedule schedule : ScheduleSteps.of(project.module(resource))) {
				if (schedule.kernel() == null) {
					continue;
				}
				customised.add(schedule.kernel());
				AppliedSchedule applied = AlloProject.injector().getInstance(ScheduleApplier.class).apply(schedule);
				if (applied.succeeded()) {
					designs.add(new Design(example + "." + Names.nameOf(schedule.binding()), applied.module()));
				}
			}
			List<FunctionDef> all = kernels(project, resource);
			FunctionDef last = all.isEmpty() ? null : all.get(all.size() - 1);
			if (last != null && !customised.contains(last)) {
				LoweringResult result = AlloProject.injector().getInstance(Lowering.class).lower(last);
				if (result.succeeded()) {
					designs.add(new Design(example + "." + last.getName(), sized(result.module())));
				}
			}
		}
		return designs;
	}

	/** The module with the FIFO depths its region omits inferred, as allo build has them. */
	private static IrModule sized(IrModule module) {
		FifoSizing.Sizes sizes = AlloProject.injector().getInstance(FifoSizing.class).sizeOmittedDepths(module);
		assertEquals(null, sizes.problem(), "FIFO sizing failed");
		return module;
	}

	private static List<FunctionDef> kernels(AlloProject project, Resource resource) {
		return project.module(resource).getStatements().stream().filter(FunctionDef.class::isInstance).map(FunctionDef.class::cast)
				.toList();
	}
}
