package org.allo.lang.tests.fastsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.allo.lang.fastsim.FastMode;
import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.SimulationError;
import org.allo.lang.interpreter.Simulator;
import org.allo.lang.interpreter.Tensor;
import org.allo.lang.ir.IrFixedType;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrIndexType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrValue;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the same call in the interpreter and in fast mode and asserts that both agree bit for bit: the
 * results, every tensor argument afterwards (written outputs), the step count, or the error (line and
 * message). Random arguments cover each type's whole range or small values, with the given seed.
 */
final class Engines {

	/** Small enough for the interpreter to reach quickly from a loop that never ends. */
	static final long MAX_STEPS = 2_000_000;

	private Engines() {
	}

	/**
	 * Compiles the module; fails the test when fast mode falls back to the interpreter, except for the
	 * documented limit (values wider than 64 bits kept in variables or tensors), which skips the test.
	 */
	static Simulator compiled(IrModule module, long maxSteps) {
		FastMode.Choice choice = FastMode.prepare(module, maxSteps);
		String name = module.getFunctions().get(0).getName();
		Assumptions.assumeFalse(!choice.isFast() && choice.fallbackReason().endsWith("values of that type need more than 64 bits"),
				() -> name + ": " + choice.fallbackReason());
		assertTrue(choice.isFast(), () -> name + ": fast mode fell back: " + choice.fallbackReason());
		return choice.simulator();
	}

	/** Compares both engines on {@code calls} consecutive calls (stateful buffers persist) with random arguments. */
	static void assertAgree(IrModule module, IrFunction function, long seed, int calls) {
		Simulator fast = compiled(module, MAX_STEPS);
		Interpreter interpreter = new Interpreter(module, MAX_STEPS);
		Random random = new Random(seed);
		for (int call = 0; call < calls; call++) {
			List<Object> arguments = randomArguments(function, random, seed % 2 == 0);
			assertAgree(interpreter, fast, function, arguments);
		}
	}

	static void assertAgree(Simulator interpreter, Simulator fast, IrFunction function, List<Object> arguments) {
		List<Object> expectedArguments = copies(arguments);
		List<Object> actualArguments = copies(arguments);
		Outcome expected = run(interpreter, function, expectedArguments);
		Outcome actual = run(fast, function, actualArguments);
		String name = function.getName() + ": ";
		assertEquals(expected.error(), actual.error(), name + "error");
		if (expected.error() == null) {
			assertSameBits(bits(expected.results()), bits(actual.results()), name + "results");
			assertEquals(interpreter.steps(), fast.steps(), name + "steps");
		}
		assertSameBits(bits(expectedArguments), bits(actualArguments), name + "arguments after the call");
	}

	/** Equal lists of values; a difference is reported as the first differing element. */
	private static void assertSameBits(List<List<String>> expected, List<List<String>> actual, String what) {
		assertEquals(expected.size(), actual.size(), what + ": count");
		for (int i = 0; i < expected.size(); i++) {
			List<String> want = expected.get(i);
			List<String> got = actual.get(i);
			for (int e = 0; e < Math.min(want.size(), got.size()); e++) {
				assertEquals(want.get(e), got.get(e), what + " #" + i + " element " + e);
			}
			assertEquals(want.size(), got.size(), what + " #" + i + ": size");
		}
	}

	record Outcome(List<Object> results, String error) {
	}

	static Outcome run(Simulator simulator, IrFunction function, List<Object> arguments) {
		try {
			return new Outcome(simulator.call(function, arguments), null);
		} catch (SimulationError error) {
			return new Outcome(null, error.describe());
		}
	}

	/** Each value as comparable strings (a tensor: its shape, then its elements): exact values with their scale, floats as raw bits. */
	static List<List<String>> bits(List<Object> values) {
		List<List<String>> result = new ArrayList<>();
		for (Object value : values) {
			List<String> elements = new ArrayList<>();
			if (value instanceof Tensor tensor) {
				elements.add(java.util.Arrays.toString(tensor.shape()));
				for (int i = 0; i < tensor.size(); i++) {
					elements.add(bits(tensor.get(i)));
				}
			} else if (value instanceof Scalar scalar) {
				elements.add(bits(scalar));
			} else {
				fail("unexpected value " + value);
			}
			result.add(elements);
		}
		return result;
	}

	/**
	 * Exact values with their scale, floats as raw bits; every NaN is the same, as the JVM (like IEEE 754)
	 * specifies neither the sign nor the payload of a computed NaN, even between runs of the same code.
	 */
	static String bits(Scalar scalar) {
		if (scalar instanceof Scalar.Exact exact) {
			return exact.raw() + "p-" + exact.fracs();
		}
		double value = scalar.toDouble();
		return Double.isNaN(value) ? "NaN" : "0x" + Long.toHexString(Double.doubleToRawLongBits(value));
	}

	private static List<Object> copies(List<Object> arguments) {
		List<Object> copies = new ArrayList<>();
		for (Object argument : arguments) {
			if (argument instanceof Tensor tensor) {
				Tensor copy = new Tensor(tensor.shape(), Scalar.of(0));
				for (int i = 0; i < tensor.size(); i++) {
					copy.set(i, tensor.get(i));
				}
				copies.add(copy);
			} else {
				copies.add(argument);
			}
		}
		return copies;
	}

	static List<Object> randomArguments(IrFunction function, Random random, boolean small) {
		List<Object> arguments = new ArrayList<>();
		for (IrValue param : function.getParams()) {
			IrType type = param.getType();
			if (type instanceof IrTensorType tensorType) {
				long[] shape = tensorType.getShape().stream().mapToLong(Long::longValue).toArray();
				Tensor tensor = new Tensor(shape, Scalar.of(0));
				for (int i = 0; i < tensor.size(); i++) {
					tensor.set(i, randomScalar(tensorType.getElement(), random, small));
				}
				arguments.add(tensor);
			} else {
				arguments.add(randomScalar(type, random, small));
			}
		}
		return arguments;
	}

	/** Any raw value of the type (the conversion wraps it), or a small one; floats in [-8, 8) or special. */
	static Scalar randomScalar(IrType type, Random random, boolean small) {
		if (type instanceof IrIndexType) {
			return Scalar.of((long) random.nextInt(small ? 16 : 64) - (small ? 0 : 8));
		}
		if (type instanceof IrIntType || type instanceof IrFixedType) {
			int bits = type instanceof IrIntType integer ? integer.getBits() : ((IrFixedType) type).getBits();
			int fracs = type instanceof IrFixedType fixed ? fixed.getFracs() : 0;
			BigInteger raw = new BigInteger(small ? Math.min(bits, fracs + 4) : bits, random);
			return new Scalar.Exact(small && random.nextBoolean() ? raw.negate() : raw, fracs);
		}
		if (type instanceof IrFloatType) {
			int pick = random.nextInt(40);
			if (pick == 0) {
				return Scalar.of(random.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY);
			}
			return Scalar.of(pick == 1 ? -0.0 : (random.nextDouble() * 16 - 8) * (small ? 1 : Math.scalb(1.0, random.nextInt(40) - 20)));
		}
		return Scalar.of(0);
	}
}
