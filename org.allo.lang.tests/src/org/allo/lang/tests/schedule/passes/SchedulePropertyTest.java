package org.allo.lang.tests.schedule.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.printer.IrPrinter;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.analysis.LoopBounds;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.LoopNests;
import org.allo.lang.schedule.passes.Loops;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.schedule.Kernels;
import org.allo.lang.tests.schedule.Simulations;
import org.eclipse.emf.ecore.resource.Resource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of split, reorder, fuse, unroll, pipeline and parallel on generated kernels:
 * a step that applies never changes what the kernel computes (checked in the interpreter on
 * random inputs), and a step that is refused leaves the IR exactly as the steps before it left it.
 */
class SchedulePropertyTest {

	private static final String[] BODIES = {
			// independent elements
			"        B[i, j] = A[i, j] * 3 + B[i, j]\n",
			// carried by i, distance 1
			"        B[i + 1, j] = B[i, j] + A[i, j]\n",
			// wavefront: direction (<, >) forbids interchange
			"        B[i + 1, j] = B[i, j + 1] + A[i, j]\n",
			// carried by j
			"        B[i, j + 1] = B[i, j] * 2 + A[i, j]\n",
			// a scalar carried by every loop
			"        t = t + A[i, j]\n        B[i, j] = t\n" };

	@Provide
	Arbitrary<String> kernels() {
		return Combinators.combine(Arbitraries.integers().between(0, BODIES.length - 1), Arbitraries.integers().between(2, 6),
				Arbitraries.integers().between(2, 6), Arbitraries.integers().between(0, 3)).as(SchedulePropertyTest::kernel);
	}

	private static String kernel(int body, int rows, int columns, int reduction) {
		String loops = reduction == 0 ? "    for i, j in allo.grid(" + rows + ", " + columns + "):\n" + BODIES[body]
				: "    for i, j in allo.grid(" + rows + ", " + columns + "):\n        for k in allo.reduction(" + (reduction + 1) + "):\n"
						+ "            B[i, j] += A[i, k] * A[k, j]\n";
		int size = Math.max(Math.max(rows, columns), reduction + 1) + 1;
		return "def k(A: int32[" + size + ", " + size + "], B: int32[" + size + ", " + size + "]) -> int32:\n    t: int32 = 0\n" + loops
				+ "    return t\n";
	}

	@Property(tries = 60)
	void legalStepsKeepTheResultAndRefusedStepsChangeNothing(@ForAll("kernels") String kernel, @ForAll long seed) throws Exception {
		Random random = new Random(seed);
		IrModule unscheduled = Kernels.lower(kernel, "k");
		List<String> steps = new ArrayList<>();
		IrModule current = unscheduled;
		for (int attempt = 0; attempt < 6; attempt++) {
			String step = randomStep(Loops.all(Kernels.top(current)), random);
			List<String> candidate = new ArrayList<>(steps);
			candidate.add(step);
			AppliedSchedule applied = apply(kernel, candidate);
			if (applied.succeeded()) {
				steps = candidate;
				current = applied.module();
			} else {
				assertEquals(IrPrinter.print(current), IrPrinter.print(applied.module()), "refused step " + step + " changed the IR");
			}
		}
		for (long inputs = 0; inputs < 2; inputs++) {
			assertEquals(Optional.empty(), Simulations.firstDifference(unscheduled, current, inputs), String.join("; ", steps));
		}
	}

	private static String randomStep(List<IrFor> loops, Random random) {
		IrFor loop = loops.get(random.nextInt(loops.size()));
		String name = "\"" + loop.getLoopName() + "\"";
		long trip = LoopBounds.constantTripCount(loop).orElse(2L);
		IrFor other = loops.get(random.nextInt(loops.size()));
		return switch (random.nextInt(6)) {
		case 0 -> "split(" + name + ", " + (1 + random.nextInt((int) trip + 1)) + ")";
		case 1 -> "reorder(\"" + other.getLoopName() + "\", " + name + ")";
		case 2 -> {
			List<IrFor> nest = LoopNests.perfectNest(loop);
			yield nest.size() > 1 ? "fuse(" + name + ", \"" + nest.get(1).getLoopName() + "\")" : "fuse(" + name + ", \"" + other.getLoopName() + "\")";
		}
		case 3 -> "unroll(" + name + ", " + random.nextInt(5) + ")";
		case 4 -> "pipeline(" + name + ")";
		default -> "parallel(" + name + ")";
		};
	}

	private static AppliedSchedule apply(String kernel, List<String> steps) {
		StringBuilder source = new StringBuilder(Kernels.HEADER).append(kernel).append("\n\ns = allo.customize(k)\n");
		steps.forEach(step -> source.append("s.").append(step).append('\n'));
		AlloProject project = new AlloProject();
		Resource resource = project.add("schedule.allo", source.toString());
		Schedule schedule = ScheduleSteps.of(project.module(resource)).get(0);
		return AlloProject.injector().getInstance(ScheduleApplier.class).apply(schedule);
	}
}
