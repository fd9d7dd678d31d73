package org.allo.lang.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.allo.lang.ide.cli.AlloMain;
import org.allo.lang.tests.TestFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every top-level kernel of every example simulates with random inputs ({@code allo sim FILE --kernel K
 * --random 1} exits 0), except the ones listed in {@link #SKIPPED} with the reason; a listed kernel must
 * still fail, so the list shrinks as soon as one of them starts to work.
 */
class ExampleSimulationTest extends CliTestSupport {

	private static final Pattern KERNEL = Pattern.compile("^def (\\w+)", Pattern.MULTILINE);

	private static final Map<String, String> SKIPPED = Map.of(
			"control_flow.allo:stmt_tour", "a slice copy (A[0:LUT]) is not lowered yet",
			"library_call.allo:conv_block", "allo.maxpool(r, win): the window tensor does not bind the library maxpool's R, S",
			"kernels.allo:matmul_t", "a template that only cross_file.allo instantiates",
			"kernels.allo:bias_relu", "a template that only cross_file.allo instantiates",
			"split_fuse.allo:pe", "its index parameters i, j select a block of a 2x2 PE grid; random indices (0..15) are out of range");

	private static List<String> exampleKernels() {
		List<String> kernels = new ArrayList<>();
		for (Path file : TestFiles.alloFiles(TestFiles.repository().resolve("examples"))) {
			Matcher kernel = KERNEL.matcher(TestFiles.read(file));
			while (kernel.find()) {
				kernels.add(file.getFileName() + ":" + kernel.group(1));
			}
		}
		return kernels;
	}

	@TestFactory
	Stream<DynamicTest> everyExampleKernelSimulates() {
		return exampleKernels().stream().map(kernel -> DynamicTest.dynamicTest(kernel, () -> simulate(kernel)));
	}

	private void simulate(String kernel) {
		String[] parts = kernel.split(":");
		String file = TestFiles.repository().resolve("examples").resolve(parts[0]).toString();
		int code = run("sim", file, "--kernel", parts[1], "--random", "1");
		assertFalse(err.contains("\tat "), err);
		if (SKIPPED.containsKey(kernel)) {
			assertNotEquals(AlloMain.OK, code, kernel + " simulates now; remove it from SKIPPED (" + SKIPPED.get(kernel) + ")");
		} else {
			assertEquals(AlloMain.OK, code, err + out);
			assertTrue(out.startsWith("sim " + parts[1]), out);
		}
	}

	@Test
	void everySkippedKernelExists() {
		List<String> kernels = exampleKernels();
		for (String skipped : SKIPPED.keySet()) {
			assertTrue(kernels.contains(skipped), skipped + " is no example kernel");
		}
	}
}
