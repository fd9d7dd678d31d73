package org.allo.maven;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.allo.lang.ide.cli.AlloMain;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * One {@code allo build} run inside Maven's JVM: the command line's own code path, with its output
 * routed to Maven's log (a diagnostic line at its severity).
 */
final class AlloBuild {

	private final Path file;
	private final Path outputDirectory;
	private final String schedule;
	private final String target;

	AlloBuild(Path file, Path outputDirectory, String schedule, String target) {
		this.file = file;
		this.outputDirectory = outputDirectory;
		this.schedule = schedule;
		this.target = target;
	}

	/** Whether the build succeeded; an internal error of the tool is an execution failure, not a user error. */
	boolean run(Log log) throws MojoExecutionException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode;
		try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
				PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
			exitCode = AlloMain.runOnLargeStack(arguments(), outStream, errStream);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new MojoExecutionException("interrupted while building " + file, e);
		}
		String output = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
		output.lines().forEach(line -> logLine(log, line));
		if (exitCode == AlloMain.INTERNAL_ERROR || exitCode == AlloMain.USAGE_ERROR) {
			throw new MojoExecutionException("allo build could not run on " + file + " (exit code " + exitCode + "): " + output.strip());
		}
		return exitCode == AlloMain.OK;
	}

	private String[] arguments() {
		List<String> arguments = new ArrayList<>(List.of("build", file.toString(), "-o", outputDirectory.toString()));
		if (schedule != null) {
			arguments.addAll(List.of("--schedule", schedule));
		}
		if (target != null) {
			arguments.addAll(List.of("--target", target));
		}
		return arguments.toArray(String[]::new);
	}

	private static void logLine(Log log, String line) {
		if (line.contains(": error: ") || line.startsWith("allo: ")) {
			log.error(line);
		} else if (line.contains(": warning: ")) {
			log.warn(line);
		} else {
			log.info(line);
		}
	}
}
