package org.allo.lang.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.allo.lang.ide.cli.AlloMain;
import org.junit.jupiter.api.Test;

/** {@code allo show --schedule S [--step N]} and {@code allo sim --schedule S [--check]}. */
class ScheduleCommandTest extends CliTestSupport {

	private static final String GEMM = """
			import allo
			from allo.ir.types import int32, float32

			def gemm(A: int32[6, 6], B: int32[6, 6]) -> int32[6, 6]:
			    C: int32[6, 6] = 0
			    for i, j in allo.grid(6, 6, name="C"):
			        for k in allo.reduction(6):
			            C[i, j] += A[i, k] * B[k, j]
			    return C

			def fgemm(A: float32[5, 7], B: float32[7, 3]) -> float32[5, 3]:
			    C: float32[5, 3] = 0.0
			    for i, j in allo.grid(5, 3):
			        for k in allo.reduction(7):
			            C[i, j] += A[i, k] * B[k, j]
			    return C

			s = allo.customize(gemm)
			s.split("i", 4)
			s.reorder("k", "j")
			s.pipeline("j")

			f = allo.customize(fgemm)
			f.reorder("k", "i")
			""";

	@Test
	void showPrintsTheIrAfterTheLastStepByDefault() throws IOException {
		Path file = write("gemm.allo", GEMM);
		assertEquals(AlloMain.OK, run("show", file.toString(), "--schedule", "s"), err);
		assertTrue(out.contains("for i_outer in range(2):  # loop i.outer; band C"), out);
		assertTrue(out.contains("if i_outer * 4 + i_inner < 6:"), out);
		assertTrue(out.contains("for j in range(6):  # band C; pipeline II=1"), out);
	}

	@Test
	void showStepsThroughTheSchedule() throws IOException {
		Path file = write("gemm.allo", GEMM);
		assertEquals(AlloMain.OK, run("show", file.toString(), "--schedule", "s", "--step", "0"), err);
		assertTrue(out.contains("for i in range(6):  # band C") && !out.contains("i_outer"), out);
		assertEquals(AlloMain.OK, run("show", file.toString(), "--schedule", "s", "--step", "1"), err);
		assertTrue(out.contains("i_outer") && !out.contains("pipeline"), out);
		String afterOne = out;
		assertEquals(AlloMain.OK, run("show", file.toString(), "--schedule", "s", "--step", "2"), err);
		assertFalse(out.equals(afterOne), "step 2 reorders k and j");
		assertTrue(out.indexOf("for k in") < out.indexOf("for j in"), out);
	}

	@Test
	void stepOutOfRangeAndUnknownScheduleAreErrors() throws IOException {
		Path file = write("gemm.allo", GEMM);
		assertEquals(AlloMain.USER_ERROR, run("show", file.toString(), "--schedule", "s", "--step", "4"));
		assertTrue(err.contains("schedule 's' has 3 steps; --step takes 0 (the kernel unscheduled) to 3"), err);
		assertEquals(AlloMain.USER_ERROR, run("show", file.toString(), "--schedule", "t"));
		assertTrue(err.contains("has no schedule 't'; its schedules: s, f"), err);
		assertEquals(AlloMain.USAGE_ERROR, run("show", file.toString(), "--kernel", "gemm", "--step", "1"));
		assertEquals(AlloMain.USAGE_ERROR, run("show", file.toString(), "--schedule", "s", "--step", "x"));
	}

	@Test
	void aRefusedStepIsReportedWhereItIs() throws IOException {
		Path file = write("bad.allo", GEMM + "\nb = allo.customize(gemm)\nb.split(\"j\", 6)\n");
		assertEquals(AlloMain.USER_ERROR, run("show", file.toString(), "--schedule", "s"));
		assertTrue(out.contains(":27:14: error: split factor 6 is not smaller than the trip count 6 of loop 'j'"), out);
	}

	@Test
	void simCheckComparesTheScheduleWithTheKernel() throws IOException {
		Path file = write("gemm.allo", GEMM);
		assertEquals(AlloMain.OK, run("sim", file.toString(), "--schedule", "s", "--random", "7", "--check"), err);
		assertTrue(out.startsWith("sim schedule s (gemm): "), out);
		assertTrue(out.contains("  check ok: the scheduled and the unscheduled kernel agree on every output"), out);
		assertEquals(AlloMain.OK, run("sim", file.toString(), "--schedule", "f", "--random", "3", "--check"), err);
		assertTrue(out.contains("check ok"), out);
	}

	@Test
	void simOfAScheduleWritesItsOutputs() throws IOException {
		Path file = write("gemm.allo", GEMM);
		Path output = folder.resolve("out");
		assertEquals(AlloMain.OK, run("sim", file.toString(), "--schedule", "s", "--random", "1", "-o", output.toString()), err);
		assertTrue(output.resolve("result.npy").toFile().isFile(), out);
		assertFalse(out.contains("check"), out);
	}
}
