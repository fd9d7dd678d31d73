package org.allo.bench;

/**
 * A large, realistic, diagnostic-free {@code .allo} module, the same text for the same line
 * budget: it cycles through five kernel shapes (templated GEMM, stencil, control flow with scalar
 * reductions, fixed-point layer calling a helper kernel, bit manipulation with a tuple result),
 * each followed by a schedule whose steps name the kernel's real loops and tensors.
 */
final class ModuleGenerator {

	private static final String HEADER = """
			# Generated benchmark input: many kernels, each with its schedule.
			import allo
			from allo.ir.types import int32, float32, Fixed

			M, N, K = 64, 64, 64
			H, W = 34, 34
			L, R = 32, 16
			QIn = Fixed(16, 8)
			QW = Fixed(8, 6)
			QAcc = Fixed(32, 14)
			""";

	private final StringBuilder text = new StringBuilder(HEADER);
	private int lines = lineCount(HEADER);

	private ModuleGenerator() {
	}

	/** A module of at least {@code minLines} lines, ending after a complete kernel and its schedule. */
	static String generate(int minLines) {
		ModuleGenerator generator = new ModuleGenerator();
		for (int n = 0; generator.lines < minLines; n++) {
			generator.unit(n);
		}
		return generator.text.toString();
	}

	static int lineCount(String source) {
		return (int) source.chars().filter(c -> c == '\n').count();
	}

	private void unit(int n) {
		switch (n % 5) {
		case 0 -> gemm(n);
		case 1 -> stencil(n);
		case 2 -> classify(n);
		case 3 -> fixedLayer(n);
		default -> bits(n);
		}
	}

	private void gemm(int n) {
		append(n, """


				# templated matrix product; row-wise schedule
				def gemm_@[T: (int32, float32), M: int32, N: int32, K: int32](A: "T[M, K]", B: "T[K, N]") -> "T[M, N]":
				    C: T[M, N] = 0
				    for i, j in allo.grid(M, N, name="C"):
				        for k in allo.reduction(K):
				            C[i, j] += A[i, k] * B[k, j]
				    return C


				s_@ = allo.customize(gemm_@, instantiate=[int32, M, N, K])
				s_@.reorder("k", "j")
				s_@.split("i", 8)
				s_@.partition(s_@.B, partition_type=Partition.Cyclic, dim=2, factor=4)
				s_@.partition(s_@.C, partition_type=Partition.Cyclic, dim=2, factor=4)
				s_@.pipeline("j")
				""");
	}

	private void stencil(int n) {
		append(n, """


				def blur_@(A: float32[H, W]) -> float32[H, W]:
				    # 5-point average of the interior; the border stays zero
				    B: float32[H, W] = 0.0
				    for i, j in allo.grid(H - 2, W - 2, name="st"):
				        B[i + 1, j + 1] = 0.2 * (A[i, j + 1] + A[i + 1, j] + A[i + 1, j + 1] + A[i + 1, j + 2] + A[i + 2, j + 1])
				    return B


				s_@ = allo.customize(blur_@)
				s_@.split("st.j", 4)
				s_@.partition(s_@.A, partition_type=Partition.Block, dim=1, factor=2)
				s_@.pipeline("j.inner")
				""");
	}

	private void classify(int n) {
		append(n, """


				def classify_@(v: int32[L], lo: int32, hi: int32) -> int32:
				    hits: int32 = 0
				    total: int32 = 0
				    for i in range(L):
				        x: int32 = v[i]
				        if lo <= x < hi:
				            hits += 1
				        elif x in {0, -1}:
				            pass
				        else:
				            total += min(max(x, lo), hi)
				    for j in allo.reduction(L):
				        total += v[j] >> 1
				    while hits > 100:
				        hits -= 100
				    return total + hits if hits > 0 else total


				s_@ = allo.customize(classify_@)
				s_@.partition(s_@.v, partition_type=Partition.Cyclic, dim=1, factor=4)
				s_@.pipeline("i")
				s_@.unroll("j", factor=4)
				""");
	}

	private void fixedLayer(int n) {
		append(n, """


				def dot_@(x: QIn[L], w: QW[L]) -> QAcc:
				    acc: QAcc = 0
				    for i in allo.reduction(L):
				        acc += x[i] * w[i]
				    return acc


				def layer_@(X: QIn[R, L], Wt: QW[L]) -> QAcc[R]:
				    out: QAcc[R] = 0
				    for r in range(R):
				        out[r] = dot_@(X[r], Wt)
				    return out


				s_@ = allo.customize(layer_@)
				s_@.pipeline("dot_@:i")
				s_@.partition("Wt", partition_type=Partition.Complete, dim=1)
				""");
	}

	private void bits(int n) {
		append(n, """


				def bits_@(a: "int32[L]", b: "int32[L]") -> (int32[L], int32[L]):
				    lo: int32[L] = 0
				    hi: int32[L] = 0
				    for i in range(L):
				        lo[i] = (a[i] & 255) | (b[i] << 8)
				        hi[i] = (a[i] ^ b[i]) >> 4
				        if lo[i] % 2 == 0 and not hi[i] > 1000:
				            hi[i] += int(float(lo[i]) * 0.5)
				    return lo, hi


				s_@ = allo.customize(bits_@)
				s_@.split("i", 4)
				s_@.pipeline("i.inner")
				""");
	}

	/** Appends {@code template} with every {@code @} replaced by the unit number, keeping names unique. */
	private void append(int n, String template) {
		text.append(template.replace("@", Integer.toString(n)));
		lines += lineCount(template);
	}
}
