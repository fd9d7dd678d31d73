package org.allo.bench;

/**
 * The .allo texts the verification benchmark compares: an N x N int32 GEMM in i-j-k order, the same
 * GEMM in i-k-j order, and an N x N output-stationary systolic array written by hand (A moves right
 * and B moves down through register arrays; every PE accumulates its own C element).
 */
final class GemmPrograms {

	private GemmPrograms() {
	}

	static String module(int n) {
		return """
				import allo
				from allo.ir.types import int32

				N = %d


				def gemm(A: int32[N, N], B: int32[N, N]) -> int32[N, N]:
				    C: int32[N, N] = 0
				    for i, j in allo.grid(N, N):
				        for k in allo.reduction(N):
				            C[i, j] += A[i, k] * B[k, j]
				    return C


				def gemm_ikj(A: int32[N, N], B: int32[N, N]) -> int32[N, N]:
				    C: int32[N, N] = 0
				    for i in range(N):
				        for k in range(N):
				            for j in range(N):
				                C[i, j] += A[i, k] * B[k, j]
				    return C


				def systolic(A: int32[N, N], B: int32[N, N]) -> int32[N, N]:
				    acc: int32[N, N] = 0
				    a_reg: int32[N, N + 1] = 0
				    b_reg: int32[N + 1, N] = 0
				    for t in range(3 * N - 2):
				        for i in range(N):
				            for j in range(N):
				                a_reg[i, N - j] = a_reg[i, N - 1 - j]
				        for j in range(N):
				            for i in range(N):
				                b_reg[N - i, j] = b_reg[N - 1 - i, j]
				        for i in range(N):
				            ka: int32 = t - i
				            a_reg[i, 0] = A[i, ka] if 0 <= ka < N else 0
				        for j in range(N):
				            kb: int32 = t - j
				            b_reg[0, j] = B[kb, j] if 0 <= kb < N else 0
				        for i, j in allo.grid(N, N):
				            acc[i, j] += a_reg[i, j] * b_reg[i, j]
				    return acc
				""".formatted(n);
	}
}
