package org.allo.lang.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** {@code allo fmt}: formats in place, {@code --check} only reports, syntax errors leave the file alone. */
class FmtCommandTest extends CliTestSupport {

	private static final String MESSY = "from allo.ir.types import int32\ndef f(x:int32)->int32:\n  return x+1\n";
	private static final String FORMATTED = "from allo.ir.types import int32\n\n\ndef f(x: int32) -> int32:\n    return x + 1\n";

	@Test
	void formatsInPlace() throws IOException {
		Path file = write("f.allo", MESSY);
		assertEquals(0, run("fmt", file.toString()), err);
		assertEquals(FORMATTED, Files.readString(file));
		assertEquals(file + ": reformatted\n", out);
		assertEquals(0, run("fmt", file.toString()), err);
		assertEquals("", out, "a formatted file is left as it is");
	}

	@Test
	void checkReportsWithoutWriting() throws IOException {
		Path file = write("f.allo", MESSY);
		assertEquals(1, run("fmt", "--check", file.toString()));
		assertEquals(file + ": would be reformatted\n", out);
		assertEquals(MESSY, Files.readString(file));
	}

	@Test
	void aFileWithSyntaxErrorsIsNotTouched() throws IOException {
		String broken = "def f(x:int32:\n  return x\n";
		Path file = write("f.allo", broken);
		assertEquals(1, run("fmt", file.toString()));
		assertTrue(out.contains("[allo.syntax"), out);
		assertTrue(err.contains("has syntax errors; not formatted"), err);
		assertEquals(broken, Files.readString(file));
	}

	@Test
	void usageErrors() {
		assertEquals(2, run("fmt"));
		assertEquals(2, run("fmt", "--bogus", "f.allo"));
	}
}
