package org.allo.lang.tests.interpreter;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.Tensor;
import org.allo.lang.npy.Npy;
import org.allo.lang.npy.NpyArray;
import org.allo.lang.npy.NpyFormatException;

/**
 * The values of a simulation corpus file: numbers (decimal, {@code 0x} hex, {@code True}/{@code False},
 * {@code inf}, {@code nan}), nested lists of them, or {@code @FILE.npy}; and the comparison of a
 * simulated value with the expected one, exact unless a tolerance is given.
 */
final class CorpusValues {

	private final Path folder;

	CorpusValues(Path folder) {
		this.folder = folder;
	}

	/** The flat row-major elements of the value text. */
	List<Scalar> elements(String text) throws IOException, NpyFormatException {
		List<Scalar> elements = new ArrayList<>();
		if (text.startsWith("@")) {
			NpyArray array = Npy.read(folder.resolve(text.substring(1)));
			for (int i = 0; i < array.size(); i++) {
				elements.add(array.dtype().isFloat() ? Scalar.of(array.doubleAt(i)) : Scalar.of(array.longAt(i)));
			}
			return elements;
		}
		for (String token : text.replace("[", " ").replace("]", " ").split(",")) {
			if (!token.isBlank()) {
				elements.add(number(token.strip()));
			}
		}
		return elements;
	}

	static Scalar number(String token) {
		String lower = token.toLowerCase();
		if (lower.equals("true") || lower.equals("false")) {
			return Scalar.of(lower.equals("true") ? 1 : 0);
		} else if (lower.matches("-?0x[0-9a-f]+")) {
			BigInteger magnitude = new BigInteger(lower.replace("-", "").substring(2), 16);
			return new Scalar.Exact(lower.startsWith("-") ? magnitude.negate() : magnitude, 0);
		} else if (lower.matches("-?[0-9]+")) {
			return new Scalar.Exact(new BigInteger(lower), 0);
		}
		return Scalar.of(switch (lower) {
		case "inf" -> Double.POSITIVE_INFINITY;
		case "-inf" -> Double.NEGATIVE_INFINITY;
		case "nan" -> Double.NaN;
		default -> Double.parseDouble(lower);
		});
	}

	/** The argument for a parameter of that shape: a tensor, or the scalar itself for shape []. */
	Object argument(String text, long[] shape, boolean tensorParameter) throws IOException, NpyFormatException {
		List<Scalar> elements = elements(text);
		Tensor tensor = new Tensor(shape, Scalar.of(0));
		if (elements.size() != tensor.size()) {
			throw new IllegalArgumentException("'" + text + "' has " + elements.size() + " values, the parameter holds "
					+ tensor.size());
		}
		for (int i = 0; i < elements.size(); i++) {
			tensor.set(i, elements.get(i));
		}
		return tensorParameter ? tensor : elements.get(0);
	}

	/** A simulated value as the list of its elements. */
	static List<Scalar> flatten(Object value) {
		List<Scalar> elements = new ArrayList<>();
		if (value instanceof Tensor tensor) {
			for (int i = 0; i < tensor.size(); i++) {
				elements.add(tensor.get(i));
			}
		} else {
			elements.add((Scalar) value);
		}
		return elements;
	}

	/** Null when the actual element equals the expected one (within the tolerance, 0 for exact), else what it is. */
	static String mismatch(Scalar expected, Scalar actual, double tolerance) {
		if (actual instanceof Scalar.Exact exact) {
			BigDecimal value = new BigDecimal(exact.raw()).divide(new BigDecimal(BigInteger.ONE.shiftLeft(exact.fracs())));
			BigDecimal difference = value.subtract(exact(expected)).abs();
			return difference.compareTo(new BigDecimal(tolerance)) <= 0 ? null : value.toPlainString();
		}
		double value = actual.toDouble();
		double wanted = expected.toDouble();
		boolean equal = Double.isNaN(wanted) ? Double.isNaN(value)
				: Double.isInfinite(wanted) || Double.isInfinite(value) ? wanted == value
						: tolerance > 0 ? Math.abs(value - wanted) <= tolerance
								: new BigDecimal(value).compareTo(exact(expected)) == 0;
		return equal ? null : Double.toString(value);
	}

	/** The expected number exactly: an integer as written, a decimal as the double nearest to it. */
	private static BigDecimal exact(Scalar expected) {
		return expected instanceof Scalar.Exact exact ? new BigDecimal(exact.raw()) : new BigDecimal(expected.toDouble());
	}
}
