package org.allo.lang.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.allo.lang.allo.Module;
import org.allo.lang.schedule.ScheduleInputs;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.validation.ScheduleOutcomes;
import org.junit.jupiter.api.Test;

/**
 * Schedule outcomes kept across versions of a file give exactly the diagnostics of a fresh check, and
 * the inputs they are kept under follow what a schedule depends on. A version of a file is checked:
 * each version is checked twice, first with what earlier versions left in the cache, then with an
 * empty cache, and the two must agree (and say what the version says).
 */
class ScheduleOutcomesTest {

	private static final String HEADER = """
			import allo
			from allo.ir.types import int32


			""";

	/** Refused: each iteration reads the element the previous one wrote. */
	private static final String PREFIX = """
			def prefix(A: int32[16]):
			    for i in range(1, 16):
			        A[i] = A[i - 1] + A[i]


			""";

	private static final String SCALE = """
			def scale(B: int32[16]):
			    for j in range(16):
			        B[j] = B[j] * 2


			""";

	private static final String SCHEDULES = """
			s = allo.customize(prefix)
			s.parallel("i")
			t = allo.customize(scale)
			t.parallel("j")
			""";

	private static final String PREFIX_REFUSAL = "loop 'i' cannot run in parallel: it carries the flow dependence from A[i] (line %d)"
			+ " to A[index(Int(34)(i) - 1)] (line %d), direction (1) over (i); parallelise a loop whose iterations are independent"
			+ " [allo.schedule.dependence]";

	private final ScheduleOutcomes outcomes = AlloProject.injector().getInstance(ScheduleOutcomes.class);

	@Test
	void editingAnotherKernelKeepsTheRefusal() {
		assertEquals(List.of(refusalAt(16, 7)), checkedTwice(HEADER + PREFIX + SCALE + SCHEDULES));
		String scaleEdited = SCALE.replace("B[j] * 2", "B[j] * 3 + 1");
		assertEquals(List.of(refusalAt(16, 7)), checkedTwice(HEADER + PREFIX + scaleEdited + SCHEDULES));
	}

	@Test
	void linesInsertedAboveMoveTheRefusalAndItsMessage() {
		checkedTwice(HEADER + PREFIX + SCALE + SCHEDULES);
		String moved = HEADER + "N = 4\n\n\n" + PREFIX + SCALE + SCHEDULES;
		assertEquals(List.of(refusalAt(19, 10)), checkedTwice(moved));
	}

	@Test
	void editingTheRefusedKernelChangesItsOutcome() {
		checkedTwice(HEADER + PREFIX + SCALE + SCHEDULES);
		String independent = PREFIX.replace("A[i - 1] + A[i]", "A[i] + 1");
		assertEquals(List.of(), checkedTwice(HEADER + independent + SCALE + SCHEDULES));
		String refusedAgain = SCALE.replace("B[j] * 2", "B[j - 1] + B[j]").replace("range(16)", "range(1, 16)");
		assertEquals(1, checkedTwice(HEADER + independent + refusedAgain + SCHEDULES).size());
	}

	/**
	 * A schedule's inputs cover the kernels its kernel calls and those that call it (layouts flow both
	 * ways along calls), and the shared statements; not an unrelated kernel.
	 */
	@Test
	void inputsFollowCallsBothWays() {
		String module = HEADER + """
				N = 16


				def step(A: int32[16], i: int32):
				    A[i] = A[i] + 1


				def run(A: int32[16]):
				    for i in range(16):
				        step(A, i)


				def other(B: int32[16]):
				    B[0] = 1


				s = allo.customize(run)
				s.unroll("i")
				t = allo.customize(step)
				""";
		List<String> before = digests(module);
		assertEquals(before, digests(module.replace("B[0] = 1", "B[0] = 2")), "an unrelated kernel changed");
		List<String> calleeEdited = digests(module.replace("A[i] + 1", "A[i] + 2"));
		assertNotEquals(before.get(0), calleeEdited.get(0), "the callee of run changed");
		assertNotEquals(before.get(1), calleeEdited.get(1), "step itself changed");
		List<String> callerEdited = digests(module.replace("step(A, i)", "step(A, 0)"));
		assertNotEquals(before.get(1), callerEdited.get(1), "the caller of step changed");
		List<String> sharedEdited = digests(module.replace("N = 16", "N = 32"));
		assertNotEquals(before.get(0), sharedEdited.get(0), "a shared statement changed");
	}

	private static List<String> digests(String text) {
		AlloProject project = new AlloProject();
		Module module = project.module(project.add("module.allo", text));
		ScheduleInputs inputs = AlloProject.injector().getInstance(ScheduleInputs.class);
		return ScheduleSteps.of(module).stream().map(schedule -> inputs.of(schedule).digest()).toList();
	}

	private static String refusalAt(int line, int accessLine) {
		return line + ":12: error: " + PREFIX_REFUSAL.formatted(accessLine, accessLine);
	}

	/** The diagnostics with the kept outcomes, after asserting that a fresh check gives the same. */
	private List<String> checkedTwice(String text) {
		AlloProject project = new AlloProject();
		List<String> kept = project.formatted(project.add("module.allo", text));
		assertEquals(checkedFresh(text), kept, "kept outcomes differ from a fresh check");
		return kept;
	}

	private List<String> checkedFresh(String text) {
		outcomes.clear();
		AlloProject project = new AlloProject();
		return project.formatted(project.add("module.allo", text));
	}
}
