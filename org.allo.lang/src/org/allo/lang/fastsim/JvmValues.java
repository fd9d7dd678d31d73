package org.allo.lang.fastsim;

import java.lang.reflect.Array;
import java.math.BigInteger;

import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.Tensor;

/**
 * Converts between the interpreter's values ({@link Scalar}, {@link Tensor}) and the JVM values of
 * compiled code: a long raw value, a float or a double per {@link Rep}, primitive arrays per
 * {@link ArrayKind}. Values given to compiled code are already converted to their IR type.
 */
final class JvmValues {

	private JvmValues() {
	}

	/** The JVM value of a scalar already in the form of its type (boxed, for reflection). */
	static Object toJvm(Scalar value, Rep rep) {
		return switch (rep.kind()) {
		case EXACT, MODULAR -> ((Scalar.Exact) value).raw().longValue();
		case FLOAT -> (float) value.toDouble();
		case DOUBLE -> value.toDouble();
		};
	}

	static Scalar toScalar(Object value, Rep rep) {
		return switch (rep.kind()) {
		case EXACT, MODULAR -> new Scalar.Exact(BigInteger.valueOf(((Number) value).longValue()), rep.fracs());
		case FLOAT, DOUBLE -> Scalar.of(((Number) value).doubleValue());
		};
	}

	/** A new array holding the tensor's elements, which are already in the form of the element type. */
	static Object toArray(Tensor tensor, ArrayKind kind, Rep rep) {
		Object array = Array.newInstance(componentType(kind), tensor.size());
		for (int i = 0; i < tensor.size(); i++) {
			Object value = toJvm(tensor.get(i), rep);
			Array.set(array, i, narrowed(value, kind));
		}
		return array;
	}

	/** Copies the array back into the tensor it was made from. */
	static void copyBack(Object array, Tensor tensor, Rep rep) {
		for (int i = 0; i < tensor.size(); i++) {
			tensor.set(i, toScalar(Array.get(array, i), rep));
		}
	}

	static Tensor toTensor(Object array, long[] shape, Rep rep) {
		Tensor tensor = new Tensor(shape, Scalar.of(0));
		copyBack(array, tensor, rep);
		return tensor;
	}

	private static Object narrowed(Object value, ArrayKind kind) {
		return switch (kind) {
		case BYTE -> ((Number) value).byteValue();
		case SHORT -> ((Number) value).shortValue();
		case INT -> ((Number) value).intValue();
		case LONG -> ((Number) value).longValue();
		case FLOAT -> ((Number) value).floatValue();
		case DOUBLE -> ((Number) value).doubleValue();
		};
	}

	private static Class<?> componentType(ArrayKind kind) {
		return switch (kind) {
		case BYTE -> byte.class;
		case SHORT -> short.class;
		case INT -> int.class;
		case LONG -> long.class;
		case FLOAT -> float.class;
		case DOUBLE -> double.class;
		};
	}
}
