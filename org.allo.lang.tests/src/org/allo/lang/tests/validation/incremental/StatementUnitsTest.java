package org.allo.lang.tests.validation.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.allo.lang.allo.Module;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.validation.incremental.StatementUnits;
import org.junit.jupiter.api.Test;

/**
 * The keys under which a statement's diagnostics are kept change exactly when something its checks
 * read changes: its own text, the definitions it calls or that call it, its schedule's statements
 * and the constants it uses; not a comment, and not an unrelated kernel.
 */
class StatementUnitsTest {

	private static final String MODULE = """
			import allo
			from allo.ir.types import int32

			N = 16
			M = 8


			def step(A: int32[16], i: int32):
			    A[i] = A[i] + 1


			def run(A: int32[16]):
			    for i in range(N):
			        step(A, i)


			def other(B: int32[8]):
			    B[0] = M


			s = allo.customize(run)
			s.unroll("i")
			t = allo.customize(other)
			""";

	private static final int N = 2;
	private static final int M = 3;
	private static final int STEP = 4;
	private static final int RUN = 5;
	private static final int OTHER = 6;
	private static final int S = 7;
	private static final int UNROLL = 8;
	private static final int T = 9;

	@Test
	void commentsAndMovedLinesKeepEveryKey() {
		List<String> before = keys(MODULE);
		assertEquals(before, keys(MODULE.replace("def run", "# runs the steps\n\n\ndef run")));
	}

	@Test
	void aKernelEditReachesItsCallsAndSchedulesOnly() {
		List<String> before = keys(MODULE);
		List<String> after = keys(MODULE.replace("A[i] + 1", "A[i] + 2"));
		for (int changed : new int[] { STEP, RUN, S, UNROLL }) {
			assertNotEquals(before.get(changed), after.get(changed), "statement " + changed);
		}
		for (int kept : new int[] { N, M, OTHER, T }) {
			assertEquals(before.get(kept), after.get(kept), "statement " + kept);
		}
	}

	@Test
	void aConstantEditReachesItsUsersOnly() {
		List<String> before = keys(MODULE);
		List<String> after = keys(MODULE.replace("M = 8", "M = 9"));
		for (int changed : new int[] { M, OTHER, T }) {
			assertNotEquals(before.get(changed), after.get(changed), "statement " + changed);
		}
		for (int kept : new int[] { N, STEP, RUN, S, UNROLL }) {
			assertEquals(before.get(kept), after.get(kept), "statement " + kept);
		}
	}

	@Test
	void aScheduleStepReachesItsKernel() {
		List<String> before = keys(MODULE);
		List<String> after = keys(MODULE.replace("s.unroll(\"i\")", "s.unroll(\"i\", factor=2)"));
		assertNotEquals(before.get(RUN), after.get(RUN));
		assertEquals(before.get(OTHER), after.get(OTHER));
	}

	@Test
	void aModuleThatImportsAUserFileHasNoKeys() {
		AlloProject project = new AlloProject();
		project.add("helpers.allo", "from allo.ir.types import int32\n\n\ndef helper(x: int32) -> int32:\n    return x + 1\n");
		Module module = project.module(project.add("main.allo", "from helpers import helper\n\nK = helper(1)\n"));
		StatementUnits units = AlloProject.injector().getInstance(StatementUnits.class);
		assertNull(units.keyOf(module.getStatements().get(1)));
	}

	private static List<String> keys(String text) {
		AlloProject project = new AlloProject();
		Module module = project.module(project.add("module.allo", text));
		StatementUnits units = AlloProject.injector().getInstance(StatementUnits.class);
		return module.getStatements().stream().map(units::keyOf).toList();
	}
}
