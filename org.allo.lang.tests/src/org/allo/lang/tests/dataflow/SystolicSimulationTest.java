package org.allo.lang.tests.dataflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.List;
import java.util.Random;

import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.Tensor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.tests.TestFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The systolic GEMM of examples/systolic.allo (LANGUAGE.md §5) at several sizes: its (M + 2) x (N + 2)
 * kernel instances run concurrently and C must equal a plain GEMM computed here. The inputs are
 * small integers, so every float32 product and sum is exact and the comparison is exact too.
 */
class SystolicSimulationTest {

	@ParameterizedTest(name = "M={0}, N={1}, K={2}")
	@CsvSource({ "1, 1, 1", "2, 3, 4", "4, 4, 4", "3, 2, 5" })
	void systolicArrayComputesTheProduct(int m, int n, int k) throws Exception {
		String example = Files.readString(TestFiles.repository().resolve("examples/systolic.allo"));
		String source = example.replace("M, N, K = 4, 4, 4", "M, N, K = " + m + ", " + n + ", " + k);
		IrModule module = RegionFixture.lowered("systolic_" + m + n + k + ".allo", source, "top");
		IrFunction top = RegionFixture.top(module);
		assertEquals((m + 2) * (n + 2), module.getFunctions().size() - 1, "one function per grid point");
		Random random = new Random(m * 100 + n * 10 + k);
		long[] a = random.longs((long) m * k, -8, 8).toArray();
		long[] b = random.longs((long) k * n, -8, 8).toArray();
		Tensor c = new Tensor(new long[] { m, n }, Scalar.of(0));
		new Interpreter(module).call(top, List.of(floats(a, m, k), floats(b, k, n), c));
		assertArrayEquals(gemm(a, b, m, n, k), c.toLongs());
	}

	private static Tensor floats(long[] values, int rows, int cols) {
		Tensor tensor = new Tensor(new long[] { rows, cols }, Scalar.of(0));
		for (int i = 0; i < values.length; i++) {
			tensor.set(i, Scalar.of((double) values[i]));
		}
		return tensor;
	}

	private static long[] gemm(long[] a, long[] b, int m, int n, int k) {
		long[] c = new long[m * n];
		for (int i = 0; i < m; i++) {
			for (int j = 0; j < n; j++) {
				for (int p = 0; p < k; p++) {
					c[i * n + j] += a[i * k + p] * b[p * n + j];
				}
			}
		}
		return c;
	}
}
