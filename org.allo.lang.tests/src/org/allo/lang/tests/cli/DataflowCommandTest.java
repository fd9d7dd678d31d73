package org.allo.lang.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.allo.lang.ide.cli.AlloMain;
import org.allo.lang.tests.TestFiles;
import org.junit.jupiter.api.Test;

/** {@code allo show} and {@code allo sim} on dataflow regions (issue 7). */
class DataflowCommandTest extends CliTestSupport {

	/**
	 * stream_pipeline.allo omits the depth of 'merged'. Under the lock-step schedule the merger's
	 * put is followed by the writer's get in the same round (the writer is the next runnable
	 * instance), so 'merged' never holds more than one item: depth 1.
	 */
	@Test
	void showPrintsInstancesAndTheInferredDepth() {
		int code = run("show", TestFiles.repository().resolve("examples/stream_pipeline.allo").toString(), "--kernel",
				"scale_merge");
		assertEquals(AlloMain.OK, code, err);
		assertTrue(out.contains("    merged: Stream[float32, 1 inferred]\n"), out);
		assertTrue(out.contains("    lane: Stream[float32, 4][4]\n"), out);
		assertTrue(out.contains("def scale_3(local_X: float32[32], lane_3: Stream[float32, 4]):  # instance of scale[3]"), out);
		assertTrue(out.contains("def store_0(local_Y: float32[32], merged: Stream[float32, 1 inferred]):"), out);
		assertTrue(out.contains("    merge_0(lane[0], merged, lane[1], lane[2], lane[3])\n"), out);
	}

	@Test
	void simRunsTheSystolicRegionInTheInterpreter() {
		int code = run("sim", TestFiles.repository().resolve("examples/systolic.allo").toString(), "--kernel", "top",
				"--random", "3");
		assertEquals(AlloMain.OK, code, err + out);
		assertTrue(out.contains("mode: interpreter (fast mode: dataflow regions"), out);
	}

	@Test
	void simReportsADeadlockWithItsCycle() throws IOException {
		Path file = write("stuck.allo", Files.readString(TestFiles.resources().resolve("simulation/df_deadlock.allo")));
		int code = run("sim", file.toString(), "--kernel", "top");
		assertEquals(AlloMain.USER_ERROR, code, out);
		assertTrue(err.contains("deadlock: producer_0 blocks putting to a (full, depth 2) -> consumer_0 blocks getting from b (empty) -> producer_0"),
				err);
		assertFalse(err.contains("\tat "), err);
	}
}
