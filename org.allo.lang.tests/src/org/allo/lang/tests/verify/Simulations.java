package org.allo.lang.tests.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.Tensor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;

/**
 * The independent oracle of the counterexample tests: runs a module's top function in the
 * interpreter on copies of the arguments and lists every output element by place
 * ({@code result 0[1, 2]}, {@code parameter A[3]}) with its value as a double.
 */
final class Simulations {

	private Simulations() {
	}

	static Map<String, Double> outputs(IrModule module, List<Object> arguments) throws Exception {
		IrFunction top = module.getFunctions().stream().filter(IrFunction::isTop).findFirst().orElseThrow();
		List<Object> copies = new ArrayList<>();
		for (Object argument : arguments) {
			copies.add(argument instanceof Tensor tensor ? copy(tensor) : argument);
		}
		List<Object> results = new Interpreter(module).call(top, copies);
		Map<String, Double> values = new LinkedHashMap<>();
		for (int r = 0; r < results.size(); r++) {
			put(values, "result " + r, results.get(r));
		}
		for (int p = 0; p < copies.size(); p++) {
			put(values, "parameter " + top.getParams().get(p).getName(), copies.get(p));
		}
		return values;
	}

	private static void put(Map<String, Double> values, String label, Object value) {
		if (value instanceof Scalar scalar) {
			values.put(label, scalar.toDouble());
		} else if (value instanceof Tensor tensor) {
			long[] shape = tensor.shape();
			for (int e = 0; e < tensor.size(); e++) {
				values.put(label + index(shape, e), tensor.get(e).toDouble());
			}
		}
	}

	private static String index(long[] shape, int element) {
		if (shape.length == 0) {
			return "";
		}
		List<String> parts = new ArrayList<>();
		long rest = element;
		for (int d = shape.length - 1; d >= 0; d--) {
			parts.add(0, Long.toString(rest % shape[d]));
			rest /= shape[d];
		}
		return "[" + String.join(", ", parts) + "]";
	}

	private static Tensor copy(Tensor tensor) {
		Tensor copy = new Tensor(tensor.shape(), Scalar.of(0));
		for (int e = 0; e < tensor.size(); e++) {
			copy.set(e, tensor.get(e));
		}
		return copy;
	}
}
