package org.allo.lang.tests.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.SimulationError;
import org.allo.lang.interpreter.Tensor;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrValue;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.TestFiles;
import org.allo.lang.validation.Diagnostic;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.Test;

/**
 * Each PolyBench example of examples/polybench, shrunk to a small size (its size line replaced),
 * simulated unscheduled in the interpreter on random inputs and compared with an independent Java
 * implementation of the PolyBench kernel in float arithmetic.
 */
class PolybenchSimulationTest {

	private static final float ALPHA = 1.5f;
	private static final float BETA = 1.2f;

	/** The kernel's arrays after simulation, in parameter order, and the same inputs for the reference. */
	private record Run(List<float[]> simulated, List<float[]> inputs) {
	}

	/** Simulates {@code kernel} of {@code example} with each size line {@code NAME, ... = ...} replaced by the given one. */
	private static Run simulate(String example, String kernel, String... sizes) throws SimulationError {
		String small = TestFiles.read(TestFiles.repository().resolve("examples/polybench/" + example));
		for (String size : sizes) {
			String left = size.substring(0, size.indexOf('=') + 1);
			Matcher line = Pattern.compile("^" + Pattern.quote(left) + ".*$", Pattern.MULTILINE).matcher(small);
			assertTrue(line.find(), "no size line '" + left + "' in " + example);
			small = line.replaceFirst(Matcher.quoteReplacement(size));
		}
		AlloProject project = new AlloProject();
		Resource resource = project.add("small_" + example, small);
		assertEquals(List.of(), project.check(resource).stream().filter(Diagnostic::isError).map(Diagnostic::format).toList());
		FunctionDef def = project.module(resource).getStatements().stream().filter(FunctionDef.class::isInstance)
				.map(FunctionDef.class::cast).filter(f -> f.getName().equals(kernel)).findFirst().orElseThrow();
		LoweringResult lowered = AlloProject.injector().getInstance(Lowering.class).lower(def);
		assertTrue(lowered.succeeded(), () -> lowered.errors().toString());
		IrModule module = lowered.module();
		IrFunction top = module.getFunctions().stream().filter(IrFunction::isTop).findFirst().orElseThrow();
		Random random = new Random(example.hashCode());
		List<Tensor> tensors = new ArrayList<>();
		List<float[]> inputs = new ArrayList<>();
		for (IrValue param : top.getParams()) {
			IrTensorType type = (IrTensorType) ((IrBuffer) param).getType();
			long[] shape = type.getShape().stream().mapToLong(Long::longValue).toArray();
			Tensor tensor = new Tensor(shape, Scalar.of(0.0));
			float[] values = new float[tensor.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = random.nextFloat() * 2 - 1;
				tensor.set(i, Scalar.of((double) values[i]));
			}
			tensors.add(tensor);
			inputs.add(values);
		}
		new Interpreter(module).call(top.getName(), tensors.toArray());
		List<float[]> simulated = new ArrayList<>();
		for (Tensor tensor : tensors) {
			float[] values = new float[tensor.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = (float) tensor.get(i).toDouble();
			}
			simulated.add(values);
		}
		return new Run(simulated, inputs);
	}

	private static void assertClose(List<float[]> expected, List<float[]> actual) {
		for (int a = 0; a < expected.size(); a++) {
			for (int i = 0; i < expected.get(a).length; i++) {
				float want = expected.get(a)[i];
				float got = actual.get(a)[i];
				assertTrue(Math.abs(want - got) <= 1e-4f * Math.max(1f, Math.abs(want)),
						"argument " + a + " element " + i + ": expected " + want + ", simulated " + got);
			}
		}
	}

	@Test
	void atax() throws SimulationError {
		int m = 6, n = 7;
		Run run = simulate("atax.allo", "kernel_atax", "M, N = 6, 7");
		float[] a = run.inputs().get(0), x = run.inputs().get(1), y = run.inputs().get(2).clone();
		float[] ax = new float[m];
		for (int i = 0; i < m; i++) {
			for (int j = 0; j < n; j++) {
				ax[i] += a[i * n + j] * x[j];
			}
		}
		for (int j = 0; j < n; j++) {
			for (int i = 0; i < m; i++) {
				y[j] += a[i * n + j] * ax[i];
			}
		}
		assertClose(List.of(a, x, y), run.simulated());
	}

	@Test
	void bicg() throws SimulationError {
		int m = 6, n = 7;
		Run run = simulate("bicg.allo", "kernel_bicg", "M, N = 6, 7");
		float[] a = run.inputs().get(0), s = run.inputs().get(1).clone(), q = run.inputs().get(2).clone();
		float[] p = run.inputs().get(3), r = run.inputs().get(4);
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < m; j++) {
				s[j] += r[i] * a[i * m + j];
			}
		}
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < m; j++) {
				q[i] += a[i * m + j] * p[j];
			}
		}
		assertClose(List.of(a, s, q, p, r), run.simulated());
	}

	@Test
	void gesummv() throws SimulationError {
		int n = 6;
		Run run = simulate("gesummv.allo", "kernel_gesummv", "N = 6");
		float[] a = run.inputs().get(0), b = run.inputs().get(1), x = run.inputs().get(2), y = run.inputs().get(3).clone();
		for (int i = 0; i < n; i++) {
			float tmp = 0;
			for (int j = 0; j < n; j++) {
				tmp += a[i * n + j] * x[j];
				y[i] += b[i * n + j] * x[j];
			}
			y[i] = ALPHA * tmp + BETA * y[i];
		}
		assertClose(List.of(a, b, x, y), run.simulated());
	}

	@Test
	void mvt() throws SimulationError {
		int n = 6;
		Run run = simulate("mvt.allo", "kernel_mvt", "N = 6");
		float[] a = run.inputs().get(0), x1 = run.inputs().get(1).clone(), x2 = run.inputs().get(2).clone();
		float[] y1 = run.inputs().get(3), y2 = run.inputs().get(4);
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				x1[i] += a[i * n + j] * y1[j];
			}
		}
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				x2[i] += a[j * n + i] * y2[j];
			}
		}
		assertClose(List.of(a, x1, x2, y1, y2), run.simulated());
	}

	/** C[n x m] += alpha? A[n x k] B[k x m], in the kernels' order of operations. */
	private static float[] product(float[] a, float[] b, int n, int k, int m, float scale) {
		float[] c = new float[n * m];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < m; j++) {
				for (int l = 0; l < k; l++) {
					c[i * m + j] += scale == 1f ? a[i * k + l] * b[l * m + j] : scale * a[i * k + l] * b[l * m + j];
				}
			}
		}
		return c;
	}

	@Test
	void gemm() throws SimulationError {
		int ni = 4, nj = 5, nk = 6;
		Run run = simulate("gemm.allo", "kernel_gemm", "NI, NJ, NK = 4, 5, 6");
		float[] a = run.inputs().get(0), b = run.inputs().get(1), c = run.inputs().get(2).clone();
		float[] ab = product(a, b, ni, nk, nj, 1f);
		for (int i = 0; i < ni * nj; i++) {
			c[i] = BETA * c[i] + ALPHA * ab[i];
		}
		assertClose(List.of(a, b, c), run.simulated());
	}

	@Test
	void twoMm() throws SimulationError {
		int ni = 4, nj = 5, nk = 6, nl = 3;
		Run run = simulate("two_mm.allo", "kernel_2mm", "NI, NJ, NK, NL = 4, 5, 6, 3");
		float[] a = run.inputs().get(0), b = run.inputs().get(1), c = run.inputs().get(2), d = run.inputs().get(3).clone();
		float[] tmp = product(a, b, ni, nk, nj, ALPHA);
		for (int i = 0; i < ni; i++) {
			for (int j = 0; j < nl; j++) {
				d[i * nl + j] = BETA * d[i * nl + j];
				for (int k = 0; k < nj; k++) {
					d[i * nl + j] += tmp[i * nj + k] * c[k * nl + j];
				}
			}
		}
		assertClose(List.of(a, b, c, d), run.simulated());
	}

	@Test
	void threeMm() throws SimulationError {
		int ni = 3, nj = 4, nk = 5, nl = 6, nm = 2;
		Run run = simulate("three_mm.allo", "kernel_3mm", "NI, NJ, NK, NL, NM = 3, 4, 5, 6, 2");
		float[] a = run.inputs().get(0), b = run.inputs().get(1), c = run.inputs().get(2), d = run.inputs().get(3);
		float[] g = run.inputs().get(4).clone();
		float[] e = product(a, b, ni, nk, nj, 1f);
		float[] f = product(c, d, nj, nm, nl, 1f);
		for (int i = 0; i < ni; i++) {
			for (int j = 0; j < nl; j++) {
				for (int k = 0; k < nj; k++) {
					g[i * nl + j] += e[i * nj + k] * f[k * nl + j];
				}
			}
		}
		assertClose(List.of(a, b, c, d, g), run.simulated());
	}

	@Test
	void symm() throws SimulationError {
		int m = 5, n = 4;
		Run run = simulate("symm.allo", "kernel_symm", "M, N = 5, 4");
		float[] a = run.inputs().get(0), b = run.inputs().get(1), c = run.inputs().get(2).clone();
		for (int i = 0; i < m; i++) {
			for (int j = 0; j < n; j++) {
				float temp2 = 0;
				for (int k = 0; k < i; k++) {
					c[k * n + j] += ALPHA * b[i * n + j] * a[i * m + k];
					temp2 += b[k * n + j] * a[i * m + k];
				}
				c[i * n + j] = BETA * c[i * n + j] + ALPHA * b[i * n + j] * a[i * m + i] + ALPHA * temp2;
			}
		}
		assertClose(List.of(a, b, c), run.simulated());
	}

	@Test
	void trmm() throws SimulationError {
		int m = 5, n = 4;
		Run run = simulate("trmm.allo", "kernel_trmm", "M, N = 5, 4");
		float[] a = run.inputs().get(0), b = run.inputs().get(1).clone();
		for (int i = 0; i < m; i++) {
			for (int j = 0; j < n; j++) {
				for (int k = i + 1; k < m; k++) {
					b[i * n + j] += a[k * m + i] * b[k * n + j];
				}
				b[i * n + j] = ALPHA * b[i * n + j];
			}
		}
		assertClose(List.of(a, b), run.simulated());
	}

	@Test
	void syrk() throws SimulationError {
		int m = 4, n = 5;
		Run run = simulate("syrk.allo", "kernel_syrk", "M, N = 4, 5");
		float[] a = run.inputs().get(0), c = run.inputs().get(1).clone();
		for (int i = 0; i < n; i++) {
			for (int j = 0; j <= i; j++) {
				c[i * n + j] *= BETA;
			}
			for (int k = 0; k < m; k++) {
				for (int j = 0; j <= i; j++) {
					c[i * n + j] += ALPHA * a[i * m + k] * a[j * m + k];
				}
			}
		}
		assertClose(List.of(a, c), run.simulated());
	}

	@Test
	void syr2k() throws SimulationError {
		int m = 4, n = 5;
		Run run = simulate("syr2k.allo", "kernel_syr2k", "M, N = 4, 5");
		float[] a = run.inputs().get(0), b = run.inputs().get(1), c = run.inputs().get(2).clone();
		for (int i = 0; i < n; i++) {
			for (int j = 0; j <= i; j++) {
				c[i * n + j] *= BETA;
			}
			for (int k = 0; k < m; k++) {
				for (int j = 0; j <= i; j++) {
					c[i * n + j] += a[j * m + k] * ALPHA * b[i * m + k] + b[j * m + k] * ALPHA * a[i * m + k];
				}
			}
		}
		assertClose(List.of(a, b, c), run.simulated());
	}

	@Test
	void jacobi2d() throws SimulationError {
		int n = 6;
		Run run = simulate("jacobi_2d.allo", "kernel_jacobi_2d", "N = 6", "TSTEPS = 3");
		float[] a = run.inputs().get(0).clone(), b = run.inputs().get(1).clone();
		for (int t = 0; t < 3; t++) {
			stencil(a, b, n);
			stencil(b, a, n);
		}
		assertClose(List.of(a, b), run.simulated());
	}

	private static void stencil(float[] from, float[] to, int n) {
		for (int i = 1; i < n - 1; i++) {
			for (int j = 1; j < n - 1; j++) {
				to[i * n + j] = 0.2f * (from[i * n + j] + from[i * n + j - 1] + from[i * n + j + 1] + from[(i + 1) * n + j] + from[(i - 1) * n + j]);
			}
		}
	}

	@Test
	void correlation() throws SimulationError {
		int m = 4, n = 6;
		Run run = simulate("correlation.allo", "kernel_correlation", "M, N = 4, 6");
		float[] data = run.inputs().get(0).clone(), corr = run.inputs().get(1).clone();
		float[] mean = new float[m];
		float[] stddev = new float[m];
		for (int j = 0; j < m; j++) {
			for (int i = 0; i < n; i++) {
				mean[j] += data[i * m + j];
			}
			mean[j] = mean[j] / n;
		}
		for (int j = 0; j < m; j++) {
			for (int i = 0; i < n; i++) {
				stddev[j] += (data[i * m + j] - mean[j]) * (data[i * m + j] - mean[j]);
			}
			stddev[j] = (float) Math.sqrt(stddev[j] / n);
			if (stddev[j] <= 0.1f) {
				stddev[j] = 1.0f;
			}
		}
		float root = (float) Math.sqrt((float) n);
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < m; j++) {
				data[i * m + j] = (data[i * m + j] - mean[j]) / (root * stddev[j]);
			}
		}
		for (int i = 0; i < m; i++) {
			corr[i * m + i] = 1.0f;
			for (int j = i + 1; j < m; j++) {
				for (int k = 0; k < n; k++) {
					corr[i * m + j] += data[k * m + i] * data[k * m + j];
				}
				corr[j * m + i] = corr[i * m + j];
			}
		}
		assertClose(List.of(data, corr), run.simulated());
	}
}
