package org.allo.lang.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.allo.lang.ide.cli.AlloMain;
import org.junit.jupiter.api.Test;

/** The command line's contract (LANGUAGE.md §6): output format and exit codes. */
class AlloMainTest extends CliTestSupport {

	@Test
	void helpAndVersion() {
		assertEquals(AlloMain.OK, run("--help"));
		assertTrue(out.contains("usage: allo"), out);
		assertEquals(AlloMain.OK, run("--version"));
		assertTrue(out.startsWith("allo "), out);
	}

	@Test
	void unknownCommandOrOptionIsAUsageError() {
		assertEquals(AlloMain.USAGE_ERROR, run("frobnicate"));
		assertTrue(err.contains("unknown command 'frobnicate'") && err.contains("usage: allo"), err);
		assertEquals(AlloMain.USAGE_ERROR, run("check", "--fast", "x.allo"));
		assertTrue(err.contains("unknown option '--fast'"), err);
		assertEquals(AlloMain.USAGE_ERROR, run());
		assertEquals(AlloMain.USAGE_ERROR, run("check"));
	}

	@Test
	void cleanFileExitsZeroAndPrintsNothing() throws IOException {
		Path file = write("clean.allo", "def f(A: int32[4]):\n    A[0] = 1\n");
		assertEquals(AlloMain.OK, run("check", file.toString()));
		assertEquals("", out);
	}

	@Test
	void errorsArePrintedOnePerLineWithFileLineColumnAndCode() throws IOException {
		Path file = write("broken.allo", "def f(A: int32[4]):\n    A[0] = x\n    A[1] = y\n");
		assertEquals(AlloMain.USER_ERROR, run("check", file.toString()));
		assertEquals(file + ":2:12: error: unknown name 'x'; declare or import it before use [allo.link.unknown-name]\n"
				+ file + ":3:12: error: unknown name 'y'; declare or import it before use [allo.link.unknown-name]\n",
				out.replace("\r\n", "\n"));
	}

	@Test
	void anUnreadablePathGivesOneMessageAndExitOne() throws IOException {
		Path clean = write("clean.allo", "M = 4\n");
		Path missing = folder.resolve("missing.allo");
		assertEquals(AlloMain.USER_ERROR, run("check", missing.toString(), clean.toString()));
		assertEquals("allo: cannot read " + missing + ": no such file\n", err.replace("\r\n", "\n"));
		assertEquals(AlloMain.USER_ERROR, run("check", folder.toString()));
		assertTrue(err.contains("is a directory"), err);
	}

	@Test
	void importsFromTheSameFolderLink() throws IOException {
		write("kernels.allo", "def twice(A: int32[4], B: int32[4]):\n    for i in range(4):\n        B[i] = A[i] * 2\n");
		Path user = write("user.allo", "import allo\nfrom kernels import twice\n\ns = allo.customize(twice)\ns.pipeline(\"i\")\n");
		assertEquals(AlloMain.OK, run("check", user.toString()), out);
	}

	@Test
	void showPrintsTheLoweredKernelAndTheKernelsItCalls() throws IOException {
		Path file = write("show.allo", "from allo.ir.types import int32\n\ndef inc(x: int32) -> int32:\n    return x + 1\n\n"
				+ "def f(A: int32[4]):\n    for i in range(4):\n        A[i] = inc(A[i])\n");
		assertEquals(AlloMain.OK, run("show", file.toString(), "--kernel", "f"), err);
		assertEquals("""
				def inc(x: int32) -> int32:
				    return int32(Int(33)(x) + 1)

				def f(A: int32[4]):  # top
				    for i in range(4):  # band S_i_0
				        A[i] = inc(A[i])
				""", out.replace("\r\n", "\n"));
	}

	@Test
	void showAnUnknownKernelListsTheKernels() throws IOException {
		Path file = write("two.allo", "def f(A: int32[4]):\n    A[0] = 1\n\ndef g(A: int32[4]):\n    A[1] = 2\n");
		assertEquals(AlloMain.USER_ERROR, run("show", file.toString(), "--kernel", "h"));
		assertEquals("allo: " + file + " has no kernel 'h'; its kernels: f, g\n", err.replace("\r\n", "\n"));
	}

	@Test
	void showReportsErrorsAndUnsupportedConstructsAsDiagnostics() throws IOException {
		Path broken = write("broken.allo", "def f(A: int32[4]):\n    A[0] = x\n");
		assertEquals(AlloMain.USER_ERROR, run("show", broken.toString(), "--kernel", "f"));
		assertTrue(out.startsWith(broken + ":2:12: error: unknown name 'x'"), out);
		Path slice = write("slice.allo", "def f(A: int32[8]):\n    H: int32[4] = A[0:4]\n");
		assertEquals(AlloMain.USER_ERROR, run("show", slice.toString(), "--kernel", "f"));
		assertTrue(out.startsWith(slice + ":2:19: error: 'A[0:4]' is a slice")
				&& out.contains("[allo.lowering.unsupported-expression]"), out);
		assertEquals(AlloMain.USAGE_ERROR, run("show", slice.toString()));
		assertTrue(err.contains("show needs FILE and either --kernel K or --schedule S"), err);
	}
}
