package org.allo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.allo.lang.fastsim.FastMode;
import org.allo.lang.fastsim.FastSimulator;
import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.SimulationError;
import org.allo.lang.interpreter.Tensor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Simulation speed on GEMM: fast mode (the Allo kernel lowered and compiled to bytecode) against the
 * same loops written in plain Java, side by side, plus the reference interpreter on a smaller size.
 * Scores are nanoseconds per multiply-accumulate, so sizes compare directly. {@code ...Kernel}
 * benchmarks run the compiled method on arrays; {@code ...Call} ones include what {@code allo sim}
 * adds around it (tensors of interpreter values converted to arrays and back).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SimulationBenchmark {

	static final int FLOAT_N = 256;
	static final int INT8_N = 512;
	/** The interpreter runs about 10^6 MACs per second or less: 32³ keeps one call well under a second. */
	static final int INTERPRETED_N = 32;

	@State(Scope.Benchmark)
	public static class Float32Gemm {
		IrFunction top;
		FastSimulator fast;
		float[] a;
		float[] b;
		Tensor tensorA;
		Tensor tensorB;

		@Setup(Level.Trial)
		public void setUp() {
			IrModule module = GemmKernels.lower(GemmKernels.float32(FLOAT_N));
			top = GemmKernels.top(module);
			fast = compiled(module);
			Random random = new Random(1);
			a = randomFloats(FLOAT_N * FLOAT_N, random);
			b = randomFloats(FLOAT_N * FLOAT_N, random);
			tensorA = floatTensor(a, FLOAT_N);
			tensorB = floatTensor(b, FLOAT_N);
		}
	}

	@State(Scope.Benchmark)
	public static class Int8Gemm {
		IrFunction top;
		FastSimulator fast;
		byte[] a;
		byte[] b;

		@Setup(Level.Trial)
		public void setUp() {
			IrModule module = GemmKernels.lower(GemmKernels.int8(INT8_N));
			top = GemmKernels.top(module);
			fast = compiled(module);
			Random random = new Random(2);
			a = randomBytes(INT8_N * INT8_N, random);
			b = randomBytes(INT8_N * INT8_N, random);
		}
	}

	@State(Scope.Benchmark)
	public static class InterpretedGemms {
		IrFunction floatTop;
		Interpreter floatInterpreter;
		Tensor floatA;
		Tensor floatB;
		IrFunction int8Top;
		Interpreter int8Interpreter;
		Tensor int8A;
		Tensor int8B;

		@Setup(Level.Trial)
		public void setUp() {
			IrModule floatModule = GemmKernels.lower(GemmKernels.float32(INTERPRETED_N));
			floatTop = GemmKernels.top(floatModule);
			floatInterpreter = new Interpreter(floatModule, Long.MAX_VALUE);
			Random random = new Random(3);
			floatA = floatTensor(randomFloats(INTERPRETED_N * INTERPRETED_N, random), INTERPRETED_N);
			floatB = floatTensor(randomFloats(INTERPRETED_N * INTERPRETED_N, random), INTERPRETED_N);
			IrModule int8Module = GemmKernels.lower(GemmKernels.int8(INTERPRETED_N));
			int8Top = GemmKernels.top(int8Module);
			int8Interpreter = new Interpreter(int8Module, Long.MAX_VALUE);
			int8A = byteTensor(randomBytes(INTERPRETED_N * INTERPRETED_N, random), INTERPRETED_N);
			int8B = byteTensor(randomBytes(INTERPRETED_N * INTERPRETED_N, random), INTERPRETED_N);
		}
	}

	@Benchmark
	@OperationsPerInvocation(FLOAT_N * FLOAT_N * FLOAT_N)
	public Object float32FastKernel(Float32Gemm gemm) throws SimulationError {
		return gemm.fast.callOnArrays(gemm.top, gemm.a, gemm.b);
	}

	@Benchmark
	@OperationsPerInvocation(FLOAT_N * FLOAT_N * FLOAT_N)
	public Object float32FastCall(Float32Gemm gemm) throws SimulationError {
		return gemm.fast.call(gemm.top, new ArrayList<>(List.of(gemm.tensorA, gemm.tensorB)));
	}

	@Benchmark
	@OperationsPerInvocation(FLOAT_N * FLOAT_N * FLOAT_N)
	public float[] float32Java(Float32Gemm gemm) {
		return JavaGemm.float32(gemm.a, gemm.b, FLOAT_N);
	}

	@Benchmark
	@OperationsPerInvocation(INTERPRETED_N * INTERPRETED_N * INTERPRETED_N)
	public Object float32Interpreter(InterpretedGemms gemms) throws SimulationError {
		return gemms.floatInterpreter.call(gemms.floatTop, new ArrayList<>(List.of(gemms.floatA, gemms.floatB)));
	}

	@Benchmark
	@OperationsPerInvocation(INT8_N * INT8_N * INT8_N)
	public Object int8FastKernel(Int8Gemm gemm) throws SimulationError {
		return gemm.fast.callOnArrays(gemm.top, gemm.a, gemm.b);
	}

	@Benchmark
	@OperationsPerInvocation(INT8_N * INT8_N * INT8_N)
	public int[] int8Java(Int8Gemm gemm) {
		return JavaGemm.int8(gemm.a, gemm.b, INT8_N);
	}

	@Benchmark
	@OperationsPerInvocation(INTERPRETED_N * INTERPRETED_N * INTERPRETED_N)
	public Object int8Interpreter(InterpretedGemms gemms) throws SimulationError {
		return gemms.int8Interpreter.call(gemms.int8Top, new ArrayList<>(List.of(gemms.int8A, gemms.int8B)));
	}

	static FastSimulator compiled(IrModule module) {
		FastMode.Choice choice = FastMode.prepare(module, Long.MAX_VALUE);
		if (!choice.isFast()) {
			throw new IllegalStateException("fast mode fell back: " + choice.fallbackReason());
		}
		return (FastSimulator) choice.simulator();
	}

	static float[] randomFloats(int count, Random random) {
		float[] values = new float[count];
		for (int i = 0; i < count; i++) {
			values[i] = random.nextFloat() * 2 - 1;
		}
		return values;
	}

	static byte[] randomBytes(int count, Random random) {
		byte[] values = new byte[count];
		random.nextBytes(values);
		return values;
	}

	static Tensor floatTensor(float[] values, int n) {
		Tensor tensor = new Tensor(new long[] { n, n }, Scalar.of(0.0));
		for (int i = 0; i < values.length; i++) {
			tensor.set(i, Scalar.of((double) values[i]));
		}
		return tensor;
	}

	static Tensor byteTensor(byte[] values, int n) {
		long[] longs = new long[values.length];
		for (int i = 0; i < values.length; i++) {
			longs[i] = values[i];
		}
		return Tensor.ofLongs(new long[] { n, n }, longs);
	}
}
