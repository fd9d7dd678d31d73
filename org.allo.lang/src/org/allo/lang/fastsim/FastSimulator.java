package org.allo.lang.fastsim;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.interpreter.Arithmetic;
import org.allo.lang.interpreter.Faults;
import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.SimulationError;
import org.allo.lang.interpreter.Simulator;
import org.allo.lang.interpreter.Tensor;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.IrVar;

/**
 * Runs a module compiled by {@link ModuleCompiler}. Calls from outside take and return the interpreter's
 * values and bind arguments as {@link Interpreter} does (same normalisation, same errors); tensors are
 * copied into arrays for the call and back afterwards (also when it fails, as the interpreter writes
 * them in place), so they are still passed by reference. State
 * (globals, stateful buffers) lives in the compiled instance and persists across calls.
 */
public final class FastSimulator implements Simulator {

	private final CompiledKernel kernel;
	private final Map<IrFunction, Method> methods = new HashMap<>();

	FastSimulator(ModuleLayout layout, Class<?> compiled) throws ReflectiveOperationException, Unsupported {
		this.kernel = (CompiledKernel) compiled.getConstructor().newInstance();
		for (Method method : compiled.getMethods()) {
			for (IrFunction function : layout.module.getFunctions()) {
				if (method.getName().equals(layout.methodName(function))) {
					methods.put(function, method);
				}
			}
		}
	}

	@Override
	public long steps() {
		return kernel.steps;
	}

	/** Sets the step limit of the calls that follow. */
	void setMaxSteps(long maxSteps) {
		kernel.maxSteps = maxSteps;
	}

	@Override
	public List<Object> call(IrFunction function, List<Object> arguments) throws SimulationError {
		kernel.steps = 0;
		kernel.depth = 1;
		List<IrValue> params = function.getParams();
		for (int i = 0; i < arguments.size() && i < params.size(); i++) {
			if (arguments.get(i) instanceof Tensor tensor) {
				Interpreter.normalise(tensor, Interpreter.elementType(params.get(i).getType()));
			}
		}
		if (arguments.size() != params.size()) {
			throw Faults.argumentCount(0, function.getName(), params.size(), arguments.size());
		}
		Object[] values = new Object[params.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = bind(params.get(i), arguments.get(i));
		}
		try {
			return results(function, invoke(function, values));
		} finally {
			for (int i = 0; i < values.length; i++) {
				if (arguments.get(i) instanceof Tensor tensor) {
					JvmValues.copyBack(values[i], tensor, rep(Interpreter.elementType(params.get(i).getType())));
				}
			}
		}
	}

	/**
	 * Calls the compiled function on JVM values as its method takes them, without the conversions of
	 * {@link #call}: a long raw value, float or double per scalar parameter, per tensor a primitive array
	 * (int8 in a byte[], int32 in an int[], float32 in a float[], ...), already in the form of its type.
	 * For benchmarks and tools that hold such arrays; returns the method's result (an array for a tensor).
	 */
	public Object callOnArrays(IrFunction function, Object... values) throws SimulationError {
		kernel.steps = 0;
		kernel.depth = 1;
		return invoke(function, values);
	}

	private static Object bind(IrValue param, Object argument) throws SimulationError {
		IrType type = param.getType();
		long[] shape = Interpreter.shape(type);
		if (param instanceof IrVar var && argument instanceof Scalar scalar) {
			return JvmValues.toJvm(Arithmetic.convert(scalar, var.getType()), rep(var.getType()));
		}
		if (param instanceof IrBuffer && !(type instanceof IrStreamType) && argument instanceof Tensor tensor
				&& Arrays.equals(tensor.shape(), shape)) {
			IrType element = Interpreter.elementType(type);
			return JvmValues.toArray(tensor, arrayKind(element), rep(element));
		}
		if (param instanceof IrBuffer && !(type instanceof IrStreamType) && argument instanceof Scalar scalar && shape.length == 0) {
			Tensor single = new Tensor(shape, Arithmetic.convert(scalar, type));
			return JvmValues.toArray(single, arrayKind(type), rep(type));
		}
		if (type instanceof IrStreamType) {
			throw new IllegalArgumentException("fast mode passes streams only between compiled functions; parameter '"
					+ param.getName() + "' is a stream");
		}
		throw Faults.argumentMismatch(0, param.getName());
	}

	private Object invoke(IrFunction function, Object[] values) throws SimulationError {
		try {
			return methods.get(function).invoke(kernel, values);
		} catch (InvocationTargetException e) {
			if (e.getCause() instanceof SimulationError error) {
				throw error;
			}
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("compiled code of " + function.getName() + " failed", e.getCause());
		} catch (IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<Object> results(IrFunction function, Object returned) {
		List<IrType> types = function.getResults();
		List<Object> results = new ArrayList<>();
		for (int i = 0; i < types.size(); i++) {
			Object value = types.size() == 1 ? returned : ((Object[]) returned)[i];
			IrType type = types.get(i);
			IrType element = Interpreter.elementType(type);
			results.add(ModuleLayout.isScalar(type) ? JvmValues.toScalar(value, rep(type))
					: JvmValues.toTensor(value, Interpreter.shape(type), rep(element)));
		}
		return results;
	}

	/** Types were checked when the module was compiled, so these cannot fail here. */
	private static Rep rep(IrType type) {
		try {
			return Rep.of(type);
		} catch (Unsupported e) {
			throw new IllegalStateException(e);
		}
	}

	private static ArrayKind arrayKind(IrType element) {
		try {
			return ArrayKind.of(element);
		} catch (Unsupported e) {
			throw new IllegalStateException(e);
		}
	}
}
