package org.allo.lang.tests.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.interpreter.Outcomes;
import org.allo.lang.interpreter.RandomValues;
import org.allo.lang.interpreter.SimulationError;
import org.allo.lang.interpreter.Tensor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrValue;

/** Runs an unscheduled and a scheduled module on the same random inputs and compares every output. */
public final class Simulations {

	private Simulations() {
	}

	/** The first output where {@code scheduled} differs from {@code unscheduled} on inputs drawn from {@code seed}. */
	public static Optional<String> firstDifference(IrModule unscheduled, IrModule scheduled, long seed) throws SimulationError {
		IrFunction reference = Kernels.top(unscheduled);
		IrFunction candidate = Kernels.top(scheduled);
		List<Object> inputs = RandomValues.arguments(reference, new Random(seed));
		List<Object> expectedArguments = copies(inputs);
		List<Object> actualArguments = copies(inputs);
		List<Object> expected = new ArrayList<>(expectedArguments);
		expected.addAll(new Interpreter(unscheduled).call(reference, expectedArguments));
		List<Object> actual = new ArrayList<>(actualArguments);
		actual.addAll(new Interpreter(scheduled).call(candidate, actualArguments));
		List<String> names = new ArrayList<>(reference.getParams().stream().map(IrValue::getName).toList());
		while (names.size() < expected.size()) {
			names.add("result" + (names.size() - reference.getParams().size()));
		}
		return Outcomes.firstDifference(names, expected, actual);
	}

	private static List<Object> copies(List<Object> values) {
		return new ArrayList<>(values.stream().map(value -> value instanceof Tensor tensor ? (Object) tensor.copy() : value).toList());
	}
}
