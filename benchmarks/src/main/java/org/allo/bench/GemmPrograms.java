package org.allo.bench;

/**
 * The .allo texts the verification benchmark compares: an N x N int32 GEMM in i-j-k order, the same
 * GEMM in i-k-j order, an N x N output-stationary systolic array written by hand (A moves right
 * and B moves down through register arrays; every PE accumulates its own C element), and Allo's
 * systolic array built by the schedule {@code relay} (library/systolic.py: unfold the PE band, then
 * to(..., axis=) turns the channel arrays into FIFOs between the PEs).
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


				def pe(A_in: int32[N], B_in: int32[N], A_out: int32[N], B_out: int32[N], C: int32[N, N], i: index, j: index):
				    v: int32 = 0
				    for k in range(N):
				        a: int32 = A_in[k]
				        b: int32 = B_in[k]
				        v += a * b
				        A_out[k] = a
				        B_out[k] = b
				    C[i, j] = v


				def systolic_relay(A: int32[N, N], B: int32[N, N]) -> int32[N, N]:
				    C: int32[N, N] = 0
				    A_fifo: int32[N, N + 1, N] = 0
				    B_fifo: int32[N, N + 1, N] = 0
				    for k in range(N, name="load"):
				        for m in range(N):
				            A_fifo[m, 0, k] = A[m, k]
				        for n in range(N):
				            B_fifo[n, 0, k] = B[k, n]
				    for i, j in allo.grid(N, N, name="PE"):
				        pe(A_fifo[i, j], B_fifo[j, i], A_fifo[i, j + 1], B_fifo[j, i + 1], C, i, j)
				    A_drain: int32[N] = 0
				    B_drain: int32[N] = 0
				    for k in range(N, name="drain"):
				        for m in range(N):
				            A_drain[m] = A_fifo[m, N, k]
				        for n in range(N):
				            B_drain[n] = B_fifo[n, N, k]
				    return C


				relay = allo.customize(systolic_relay)
				pes = relay.unfold("PE", [0, 1])
				relay.to(relay.A_fifo, pes, axis=1, depth=N + 1)
				relay.to(relay.B_fifo, pes, axis=0, depth=N + 1)
				""".formatted(n);
	}
}
