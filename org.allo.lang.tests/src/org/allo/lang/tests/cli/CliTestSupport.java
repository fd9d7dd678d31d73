package org.allo.lang.tests.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.allo.lang.ide.cli.AlloMain;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command line in-process on files in a temporary folder and keeps what it printed. */
abstract class CliTestSupport {

	@TempDir
	Path folder;

	String out;
	String err;

	Path write(String name, String text) throws IOException {
		return Files.writeString(folder.resolve(name), text);
	}

	int run(String... args) {
		ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
		ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
		int code = AlloMain.run(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
				new PrintStream(errBytes, true, StandardCharsets.UTF_8));
		out = outBytes.toString(StandardCharsets.UTF_8);
		err = errBytes.toString(StandardCharsets.UTF_8);
		return code;
	}
}
