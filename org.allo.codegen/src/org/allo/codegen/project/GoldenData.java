package org.allo.codegen.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.allo.codegen.CodegenException;
import org.allo.codegen.kernel.CTypes;
import org.allo.lang.interpreter.Arithmetic;
import org.allo.lang.fastsim.FastMode;
import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.interpreter.RandomValues;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.SimulationError;
import org.allo.lang.interpreter.Tensor;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.query.WrittenParameters;

/**
 * The data/ directory: random inputs from a fixed seed ({@link RandomValues}) and the outputs the simulator
 * (fast mode, which equals the reference interpreter) computes from them (written arguments as {@code NAME.golden.dat}, results as
 * {@code output_N.golden.dat}), in {@link DataFormat}.
 */
final class GoldenData {

	private GoldenData() {
	}

	/** File name (under data/) to contents. */
	static Map<String, String> compute(IrModule module, IrFunction top, long seed) {
		Random random = new Random(seed);
		Map<String, String> files = new LinkedHashMap<>();
		List<Object> arguments = new ArrayList<>();
		for (IrValue param : top.getParams()) {
			IrType type = param.getType();
			IrType element = type instanceof IrTensorType tensor ? tensor.getElement() : type;
			long[] shape = CTypes.shape(type).stream().mapToLong(Long::longValue).toArray();
			Tensor tensor = RandomValues.tensor(shape, element, random);
			Object argument = type instanceof IrTensorType ? tensor : tensor.get(0);
			arguments.add(argument);
			files.put(param.getName() + ".dat", DataFormat.file(argumentValue(argument, element), element));
		}
		List<Object> results;
		try {
			// fast mode computes what the interpreter computes, bit for bit, at JIT speed; it falls back to the interpreter itself
			results = FastMode.prepare(module, Interpreter.DEFAULT_MAX_STEPS).simulator().call(top, arguments);
		} catch (SimulationError error) {
			throw new CodegenException("cannot compute the golden outputs of '" + top.getName() + "' from random inputs (seed "
					+ seed + "): " + (error.line() > 0 ? "line " + error.line() + ": " : "") + error.getMessage());
		}
		for (int i = 0; i < top.getParams().size(); i++) {
			if (top.getParams().get(i) instanceof IrBuffer buffer && buffer.getType() instanceof IrTensorType tensor
					&& WrittenParameters.writes(top, buffer)) {
				files.put(buffer.getName() + ".golden.dat", DataFormat.file(arguments.get(i), tensor.getElement()));
			}
		}
		for (int i = 0; i < results.size(); i++) {
			IrType type = top.getResults().get(i);
			IrType element = type instanceof IrTensorType tensor ? tensor.getElement() : type;
			files.put("output_" + i + ".golden.dat", DataFormat.file(results.get(i), element));
		}
		return files;
	}

	/** Inputs as the interpreter sees them: converted to the parameter's type, as the kernel reads them. */
	private static Object argumentValue(Object argument, IrType element) {
		try {
			if (argument instanceof Scalar scalar) {
				return Arithmetic.convert(scalar, element);
			}
			Tensor tensor = (Tensor) argument;
			Tensor converted = new Tensor(tensor.shape(), Scalar.of(0));
			for (int i = 0; i < tensor.size(); i++) {
				converted.set(i, Arithmetic.convert(tensor.get(i), element));
			}
			return converted;
		} catch (SimulationError error) {
			throw new CodegenException(error.getMessage());
		}
	}
}
