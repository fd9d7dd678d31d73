package org.allo.lang.tests.codegen;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.allo.codegen.project.BuildOptions;
import org.allo.codegen.project.ProjectGenerator;
import org.allo.codegen.project.ProjectWriter;
import org.allo.lang.ir.IrModule;

/** Generates a vitis_hls project and runs its {@code make csim}: g++ on tb.cpp and kernel.cpp, then the testbench. */
final class CSimulation {

	/** The exit code and the output of make csim. */
	record Run(int exitCode, String output) {
	}

	private CSimulation() {
	}

	static Path generate(IrModule module, Path directory) throws IOException {
		ProjectWriter.write(directory, ProjectGenerator.generate(module, BuildOptions.defaults(BuildOptions.VITIS_HLS, "design.prj")));
		return directory;
	}

	static Run csim(Path project) throws IOException, InterruptedException {
		requireGxx();
		return run(project, "make", "-s", "csim");
	}

	/** The compiled testbench alone (after csim), for its own exit code. */
	static Run testbench(Path project) throws IOException, InterruptedException {
		return run(project, "./csim.out");
	}

	private static Run run(Path project, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(List.of(command)).directory(project.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(300, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail(String.join(" ", command) + " did not finish within 300 s in " + project);
		}
		return new Run(process.exitValue(), output);
	}

	/** C simulation is part of the contract: a machine without g++ fails the tests instead of skipping them. */
	private static void requireGxx() throws InterruptedException {
		try {
			Process gxx = new ProcessBuilder(List.of("g++", "--version")).redirectErrorStream(true).start();
			gxx.getInputStream().readAllBytes();
			if (gxx.waitFor() != 0) {
				fail("g++ --version failed; C simulation needs g++");
			}
		} catch (IOException e) {
			fail("g++ is not installed; C simulation tests need it (" + e.getMessage() + ")");
		}
	}
}
