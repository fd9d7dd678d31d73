package org.allo.lang.tests.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.allo.lang.ide.cli.AlloMain;
import org.allo.lang.npy.Npy;
import org.allo.lang.npy.NpyArray;
import org.allo.lang.npy.NpyDtype;
import org.allo.lang.npy.NpyFormatException;
import org.allo.lang.tests.TestFiles;
import org.junit.jupiter.api.Test;

/** {@code allo sim} (LANGUAGE.md §6): .npy inputs and outputs, summaries and the errors of bad input. */
class SimCommandTest extends CliTestSupport {

	private static final String SCALE = """
			from allo.ir.types import int32

			def scale(A: int32[4], B: int32[4], k: int32):
			    for i in range(4):
			        B[i] = A[i] * k
			""";

	@Test
	void theGemmExampleMatchesAJavaMatrixProduct() throws IOException, NpyFormatException {
		Random random = new Random(42);
		long[] a = randomValues(random, 32 * 32);
		long[] b = randomValues(random, 32 * 32);
		Path aFile = npy("a.npy", NpyArray.ofLongs(NpyDtype.INT32, new long[] { 32, 32 }, a));
		Path bFile = npy("b.npy", NpyArray.ofLongs(NpyDtype.INT32, new long[] { 32, 32 }, b));
		Path output = folder.resolve("out");

		int code = run("sim", TestFiles.repository().resolve("examples/gemm.allo").toString(), "--kernel", "gemm", "--input",
				"A=" + aFile, "--input", "B=" + bFile, "-o", output.toString());

		assertEquals(AlloMain.OK, code, err);
		NpyArray c = Npy.read(output.resolve("result.npy"));
		assertEquals(NpyDtype.INT32, c.dtype());
		assertArrayEquals(new long[] { 32, 32 }, c.shape());
		for (int i = 0; i < 32; i++) {
			for (int j = 0; j < 32; j++) {
				long sum = 0;
				for (int k = 0; k < 32; k++) {
					sum += a[i * 32 + k] * b[k * 32 + j];
				}
				assertEquals(sum, c.longAt(i * 32 + j), "C[" + i + ", " + j + "]");
			}
		}
		assertTrue(out.contains("steps in") && out.contains("result: int32 of shape (32, 32)"), out);
		assertTrue(out.contains("mode: fast"), out);
	}

	@Test
	void interpretRunsTheReferenceInterpreterWithTheSameOutputs() throws IOException, NpyFormatException {
		String example = TestFiles.repository().resolve("examples/gemm.allo").toString();
		assertEquals(AlloMain.OK, run("sim", example, "--kernel", "gemm", "--random", "5", "-o", folder.resolve("fast").toString()), err);
		String fastSummary = out;
		assertEquals(AlloMain.OK, run("sim", example, "--kernel", "gemm", "--random", "5", "-o", folder.resolve("ref").toString(),
				"--interpret"), err);
		assertTrue(out.contains("mode: interpreter (--interpret)"), out);
		assertEquals(steps(fastSummary), steps(out));
		NpyArray fast = Npy.read(folder.resolve("fast/result.npy"));
		NpyArray reference = Npy.read(folder.resolve("ref/result.npy"));
		for (int i = 0; i < 32 * 32; i++) {
			assertEquals(reference.longAt(i), fast.longAt(i), "C flat " + i);
		}
	}

	private static String steps(String summary) {
		return summary.substring(0, summary.indexOf(" steps in"));
	}

	@Test
	void anArgumentWrittenThroughARowViewIsSaved() throws IOException, NpyFormatException {
		Path file = write("rows.allo", """
				from allo.ir.types import int32


				def negate(v: int32[2]):
				    for j in range(2):
				        v[j] = -v[j]


				def rows(G: int32[2, 2]):
				    negate(G[1])
				""");
		Path g = npy("g.npy", NpyArray.ofLongs(NpyDtype.INT32, new long[] { 2, 2 }, 1, 2, 3, 4));
		Path output = folder.resolve("out");

		assertEquals(AlloMain.OK, run("sim", file.toString(), "--kernel", "rows", "--input", "G=" + g, "-o", output.toString()), err);

		NpyArray saved = Npy.read(output.resolve("G.npy"));
		assertArrayEquals(new long[] { 1, 2, -3, -4 },
				new long[] { saved.longAt(0), saved.longAt(1), saved.longAt(2), saved.longAt(3) });
	}

	private static long[] randomValues(Random random, int count) {
		return random.longs(count, -100, 100).toArray();
	}

	@Test
	void writtenArgumentsAreSavedUnderTheirParameterNamesAndReadOnesAreNot() throws IOException, NpyFormatException {
		Path file = write("scale.allo", SCALE);
		Path a = npy("a.npy", NpyArray.ofLongs(NpyDtype.INT32, new long[] { 4 }, 1, -2, 3, 40));
		Path k = npy("k.npy", NpyArray.ofLongs(NpyDtype.INT32, new long[0], 3));
		Path output = folder.resolve("out");

		assertEquals(AlloMain.OK, run("sim", file.toString(), "--kernel", "scale", "--input", "A=" + a, "--input", "k=" + k,
				"-o", output.toString()), err);

		NpyArray b = Npy.read(output.resolve("B.npy"));
		assertArrayEquals(new long[] { 3, -6, 9, 120 }, new long[] { b.longAt(0), b.longAt(1), b.longAt(2), b.longAt(3) });
		assertFalse(Files.exists(output.resolve("A.npy")));
		assertFalse(Files.exists(output.resolve("result.npy")));
	}

	@Test
	void missingInputsAreZeroAndRandomValuesFollowTheSeed() throws IOException, NpyFormatException {
		Path file = write("copy.allo", "from allo.ir.types import int32\n\ndef copy(A: int32[64], B: int32[64]):\n"
				+ "    for i in range(64):\n        B[i] = A[i]\n");

		assertEquals(AlloMain.OK, run("sim", file.toString(), "--kernel", "copy", "-o", folder.resolve("zero").toString()), err);
		long[] zero = values(Npy.read(folder.resolve("zero/B.npy")));
		assertArrayEquals(new long[64], zero);

		long[][] runs = new long[3][];
		String[] seeds = { "7", "7", "8" };
		for (int r = 0; r < 3; r++) {
			Path output = folder.resolve("random" + r);
			assertEquals(AlloMain.OK, run("sim", file.toString(), "--kernel", "copy", "--random", seeds[r], "-o", output.toString()), err);
			runs[r] = values(Npy.read(output.resolve("B.npy")));
		}
		assertArrayEquals(runs[0], runs[1]);
		assertFalse(java.util.Arrays.equals(runs[0], runs[2]));
		assertTrue(java.util.Arrays.stream(runs[0]).allMatch(v -> v >= -8 && v < 8), java.util.Arrays.toString(runs[0]));
		assertTrue(java.util.Arrays.stream(runs[0]).anyMatch(v -> v != 0));
	}

	private static long[] values(NpyArray array) {
		long[] values = new long[array.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = array.longAt(i);
		}
		return values;
	}

	@Test
	void floatKernelsReadAndWriteFloat32() throws IOException, NpyFormatException {
		Path file = write("half.allo", "from allo.ir.types import float32\n\ndef half(A: float32[3]) -> float32[3]:\n"
				+ "    B: float32[3] = 0.0\n    for i in range(3):\n        B[i] = A[i] * 0.5\n    return B\n");
		Path a = npy("a.npy", NpyArray.ofDoubles(NpyDtype.FLOAT32, new long[] { 3 }, 1.0, -3.0, 0.25));

		assertEquals(AlloMain.OK, run("sim", file.toString(), "--kernel", "half", "--input", "A=" + a, "-o", folder.toString()), err);

		NpyArray result = Npy.read(folder.resolve("result.npy"));
		assertEquals(NpyDtype.FLOAT32, result.dtype());
		assertEquals(0.5, result.doubleAt(0));
		assertEquals(-1.5, result.doubleAt(1));
		assertEquals(0.125, result.doubleAt(2));
	}

	@Test
	void fixedPointTravelsAsFloat64AndRandomUnsignedFixedPointIsNotNegative() throws IOException, NpyFormatException {
		Path file = write("pix.allo", "from allo.ir.types import UFixed\n\ndef pix(A: UFixed(12, 8)[32]) -> UFixed(12, 8)[32]:\n"
				+ "    B: UFixed(12, 8)[32] = 0.0\n    for i in range(32):\n        B[i] = A[i]\n    return B\n");
		double[] given = new double[32];
		given[0] = 1.5;
		given[1] = 0.12890625;
		given[2] = 0.1;
		Path a = npy("a.npy", NpyArray.ofDoubles(NpyDtype.FLOAT64, new long[] { 32 }, given));

		assertEquals(AlloMain.OK, run("sim", file.toString(), "--kernel", "pix", "--input", "A=" + a, "-o", folder.resolve("given").toString()), err);
		NpyArray copied = Npy.read(folder.resolve("given/result.npy"));
		assertEquals(NpyDtype.FLOAT64, copied.dtype());
		assertEquals(1.5, copied.doubleAt(0));
		assertEquals(0.12890625, copied.doubleAt(1));
		// 0.1 has no 8-fraction-bit form: the parameter's type quantizes it to 25/256
		assertEquals(25 / 256.0, copied.doubleAt(2));

		assertEquals(AlloMain.OK, run("sim", file.toString(), "--kernel", "pix", "--random", "1", "-o", folder.resolve("random").toString()), err);
		NpyArray random = Npy.read(folder.resolve("random/result.npy"));
		for (int i = 0; i < random.size(); i++) {
			assertTrue(random.doubleAt(i) >= 0 && random.doubleAt(i) < 1, "element " + i + ": " + random.doubleAt(i));
		}
	}

	@Test
	void anInputOfTheWrongShapeOrDtypeNamesTheParameterExpectedAndActual() throws IOException {
		Path file = write("scale.allo", SCALE);
		Path shape = npy("shape.npy", NpyArray.ofLongs(NpyDtype.INT32, new long[] { 5 }, 1, 2, 3, 4, 5));
		Path dtype = npy("dtype.npy", NpyArray.ofDoubles(NpyDtype.FLOAT64, new long[] { 4 }, 1, 2, 3, 4));

		assertEquals(AlloMain.USER_ERROR, run("sim", file.toString(), "--kernel", "scale", "--input", "A=" + shape));
		assertEquals("allo: --input A: parameter 'A' expects int32 of shape (4,), " + shape + " holds int32 of shape (5,)\n",
				err.replace("\r\n", "\n"));
		assertEquals(AlloMain.USER_ERROR, run("sim", file.toString(), "--kernel", "scale", "--input", "A=" + dtype));
		assertTrue(err.contains("parameter 'A' expects int32 of shape (4,), " + dtype + " holds float64 of shape (4,)"), err);
	}

	@Test
	void anUnknownInputNameListsTheParameters() throws IOException {
		Path file = write("scale.allo", SCALE);
		Path a = npy("a.npy", NpyArray.ofLongs(NpyDtype.INT32, new long[] { 4 }, 1, 2, 3, 4));

		assertEquals(AlloMain.USER_ERROR, run("sim", file.toString(), "--kernel", "scale", "--input", "C=" + a));
		assertEquals("allo: --input C: scale has no parameter 'C'; its parameters: A, B, k\n", err.replace("\r\n", "\n"));

		Path missing = folder.resolve("missing.npy");
		assertEquals(AlloMain.USER_ERROR, run("sim", file.toString(), "--kernel", "scale", "--input", "A=" + missing));
		assertEquals("allo: --input A: cannot read " + missing + ": no such file\n", err.replace("\r\n", "\n"));
	}

	@Test
	void aFortranOrderInputIsRefusedWithTheReason() throws IOException {
		Path file = write("scale.allo", SCALE);
		String header = "{'descr': '<i4', 'fortran_order': True, 'shape': (4,), }";
		byte[] bytes = Npy.bytes(NpyArray.ofLongs(NpyDtype.INT32, new long[] { 4 }, 1, 2, 3, 4));
		byte[] fortran = new String(bytes, StandardCharsets.ISO_8859_1).replace(header.replace("True", "False"), header + " ")
				.getBytes(StandardCharsets.ISO_8859_1);
		Path a = folder.resolve("fortran.npy");
		Files.write(a, fortran);

		assertEquals(AlloMain.USER_ERROR, run("sim", file.toString(), "--kernel", "scale", "--input", "A=" + a));
		assertTrue(err.contains("--input A: " + a + ": the array is in Fortran order"), err);
	}

	@Test
	void anOutOfBoundsIndexReportsTheLineAndTheIndexWithoutAStackTrace() throws IOException {
		Path file = write("poke.allo", "from allo.ir.types import int32\n\ndef poke(A: int32[4], n: int32):\n    A[n] = 1\n");
		Path n = npy("n.npy", NpyArray.ofLongs(NpyDtype.INT32, new long[0], 7));

		assertEquals(AlloMain.USER_ERROR, run("sim", file.toString(), "--kernel", "poke", "--input", "n=" + n));

		assertTrue(err.startsWith("allo: " + file + ":4: error: index [7] is out of bounds of 'A' with shape [4]"), err);
		assertFalse(err.contains("Exception") || err.contains("\tat "), err);
	}

	@Test
	void aLoopThatDoesNotEndIsStoppedByMaxSteps() throws IOException {
		Path file = write("spin.allo", "from allo.ir.types import int32\n\ndef spin(A: int32[1]):\n"
				+ "    while A[0] >= 0:\n        A[0] = 0\n");

		assertEquals(AlloMain.USER_ERROR, run("sim", file.toString(), "--kernel", "spin", "--max-steps", "1000"));
		assertTrue(err.contains("did not finish within 1000"), err);
	}

	@Test
	void malformedOptionsAreUsageErrors() throws IOException {
		Path file = write("scale.allo", SCALE);
		assertEquals(AlloMain.USAGE_ERROR, run("sim", file.toString(), "--kernel", "scale", "--schedule", "s"));
		assertTrue(err.contains("either --kernel K or --schedule S"), err);
		assertEquals(AlloMain.USAGE_ERROR, run("sim", file.toString(), "--kernel", "scale", "--check"));
		assertTrue(err.contains("--check compares a schedule with its kernel"), err);
		assertEquals(AlloMain.USAGE_ERROR, run("sim", file.toString(), "--kernel", "scale", "--input", "A"));
		assertEquals(AlloMain.USAGE_ERROR, run("sim", file.toString(), "--kernel", "scale", "--random", "x"));
		assertEquals(AlloMain.USAGE_ERROR, run("sim", file.toString()));
		assertEquals(AlloMain.USAGE_ERROR, run("sim", file.toString(), "--kernel", "scale", "--max-steps", "0"));
		assertTrue(err.contains("--max-steps takes a positive number"), err);
	}

	private Path npy(String name, NpyArray array) throws IOException {
		Path file = folder.resolve(name);
		Npy.write(array, file);
		return file;
	}
}
