package org.allo.bench;

/**
 * The benchmark's GEMM loops written in plain Java: the same i, j, k order and row-major layout as the
 * Allo kernel, the accumulator read and written in C on every step as the kernel does.
 */
final class JavaGemm {

	private JavaGemm() {
	}

	static float[] float32(float[] a, float[] b, int n) {
		float[] c = new float[n * n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				for (int k = 0; k < n; k++) {
					c[i * n + j] += a[i * n + k] * b[k * n + j];
				}
			}
		}
		return c;
	}

	/** int8 products (exact in int) accumulated in a wrapping 32-bit int, as the kernel's int32 C. */
	static int[] int8(byte[] a, byte[] b, int n) {
		int[] c = new int[n * n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				for (int k = 0; k < n; k++) {
					c[i * n + j] += a[i * n + k] * b[k * n + j];
				}
			}
		}
		return c;
	}
}
