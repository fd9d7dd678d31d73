package org.allo.lang.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.allo.lang.ide.cli.AlloMain;
import org.junit.jupiter.api.Test;

/** allo verify: one line per step and a verdict, --against, and the user errors. */
class VerifyCommandTest extends CliTestSupport {

	private static final String KERNELS = """
			import allo
			from allo.ir.types import int32


			def gemm(A: int32[4, 4], B: int32[4, 4]) -> int32[4, 4]:
			    C: int32[4, 4] = 0
			    for i, j in allo.grid(4, 4):
			        for k in allo.reduction(4):
			            C[i, j] += A[i, k] * B[k, j]
			    return C


			def gemm_short(A: int32[4, 4], B: int32[4, 4]) -> int32[4, 4]:
			    C: int32[4, 4] = 0
			    for i, j in allo.grid(4, 4):
			        for k in allo.reduction(3):
			            C[i, j] += A[i, k] * B[k, j]
			    return C


			s = allo.customize(gemm)
			s.pipeline("j")
			s.pipeline("k", initiation_interval=2)
			t = allo.customize(gemm_short)
			""";

	@Test
	void everyStepGetsALineAndTheVerdictFollows() throws Exception {
		String file = write("k.allo", KERNELS).toString();
		assertEquals(AlloMain.OK, run("verify", file, "--schedule", "s"), err);
		String[] lines = out.split("\n");
		assertEquals(3, lines.length, out);
		assertTrue(lines[0].matches("step 1 pipeline\\(\"j\"\\): equivalent \\([0-9.]+K? ops, [0-9.]+ s\\)"), lines[0]);
		assertTrue(lines[1].startsWith("step 2 pipeline(\"k\", initiation_interval=2): equivalent ("), lines[1]);
		assertEquals("verdict: all 2 step(s) of 's' are equivalent to the kernel", lines[2]);
	}

	@Test
	void againstADifferentScheduleShowsTheCounterexampleAndFails() throws Exception {
		String file = write("k.allo", KERNELS).toString();
		assertEquals(AlloMain.USER_ERROR, run("verify", file, "--schedule", "s", "--against", "t"));
		assertTrue(out.startsWith("'s' against 't': not equivalent: result 0["), out);
		assertTrue(out.contains("\n  inputs: A = ["), out);
		assertTrue(out.contains("\n  first difference: result 0["), out);
	}

	@Test
	void anUnknownScheduleListsTheKnownOnes() throws Exception {
		String file = write("k.allo", KERNELS).toString();
		assertEquals(AlloMain.USER_ERROR, run("verify", file, "--schedule", "u"));
		assertTrue(err.contains("has no schedule 'u'; its schedules: s, t"), err);
	}

	@Test
	void badOptionsAreUsageErrors() throws Exception {
		String file = write("k.allo", KERNELS).toString();
		assertEquals(AlloMain.USAGE_ERROR, run("verify", file));
		assertEquals(AlloMain.USAGE_ERROR, run("verify", file, "--schedule", "s", "--timeout", "0"));
		assertTrue(err.contains("--timeout takes a positive number of seconds, not '0'"), err);
	}

	@Test
	void aTinyTimeLimitIsReportedNotCrashed() throws Exception {
		String file = write("k.allo", KERNELS.replace("4, 4", "24, 24").replace("(4)", "(24)")).toString();
		int code = run("verify", file, "--schedule", "s", "--timeout", "0.000001");
		assertEquals(AlloMain.USER_ERROR, code, out + err);
		assertTrue(out.contains("timed out: the time limit was reached"), out);
	}
}
