package org.allo.lang.verify;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.SimulationError;
import org.allo.lang.interpreter.Tensor;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrValue;

/**
 * Looks for concrete inputs on which the interpreter's outputs of two programs differ. It first tries
 * the inputs the symbolic difference mentions, set to distinct small values with every other input
 * zero (a dropped or extra term then shows), then all ones, then random small values, then random
 * values over the whole range of each type.
 */
final class CounterexampleSearch {

	private static final int RANDOM_TRIES = 24;
	private static final int MAX_INPUTS_SHOWN = 24;
	private static final int MAX_ATOMS = 4096;

	private final TermTable table;
	private final Random random;

	CounterexampleSearch(TermTable table, long seed) {
		this.table = table;
		this.random = new Random(seed);
	}

	/** A counterexample, or null when none of the tries shows a difference. */
	Counterexample search(IrModule before, IrModule after, Difference difference, Budget budget) throws CannotVerify {
		IrFunction first = top(before);
		IrFunction second = top(after);
		Set<InputRef> mentioned = new HashSet<>();
		if (difference != null) {
			collectInputs(difference.before(), mentioned);
			collectInputs(difference.after(), mentioned);
		}
		List<List<Object>> candidates = new ArrayList<>();
		candidates.add(inputs(first, Fill.MENTIONED, mentioned));
		candidates.add(inputs(first, Fill.ONES, mentioned));
		for (int i = 0; i < RANDOM_TRIES; i++) {
			candidates.add(inputs(first, Fill.SMALL, mentioned));
		}
		for (int i = 0; i < RANDOM_TRIES; i++) {
			candidates.add(inputs(first, Fill.FULL, mentioned));
		}
		for (List<Object> candidate : candidates) {
			budget.tick();
			Counterexample found = tryInputs(before, first, after, second, candidate);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private enum Fill {
		MENTIONED, ONES, SMALL, FULL
	}

	private Counterexample tryInputs(IrModule before, IrFunction first, IrModule after, IrFunction second, List<Object> inputs) {
		List<Object> forFirst = copy(inputs);
		List<Object> forSecond = copy(inputs);
		List<Object> resultsBefore;
		List<Object> resultsAfter;
		String errorBefore = null;
		String errorAfter = null;
		try {
			resultsBefore = new Interpreter(before).call(first, forFirst);
		} catch (SimulationError error) {
			resultsBefore = null;
			errorBefore = "a run-time error (" + error.getMessage() + ")";
		}
		try {
			resultsAfter = new Interpreter(after).call(second, forSecond);
		} catch (SimulationError error) {
			resultsAfter = null;
			errorAfter = "a run-time error (" + error.getMessage() + ")";
		}
		if (resultsBefore == null || resultsAfter == null) {
			return resultsBefore == null && resultsAfter == null ? null
					: new Counterexample(inputs, describe(first, inputs), "the run", errorBefore == null ? "normal" : errorBefore,
							errorAfter == null ? "normal" : errorAfter);
		}
		List<Object[]> outputs = new ArrayList<>();
		for (int r = 0; r < resultsBefore.size() && r < resultsAfter.size(); r++) {
			outputs.add(new Object[] { "result " + r, resultsBefore.get(r), resultsAfter.get(r) });
		}
		for (int p = 0; p < inputs.size(); p++) {
			outputs.add(new Object[] { "parameter " + first.getParams().get(p).getName(), forFirst.get(p), forSecond.get(p) });
		}
		for (Object[] output : outputs) {
			Counterexample found = firstDifference(first, inputs, (String) output[0], output[1], output[2]);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private Counterexample firstDifference(IrFunction first, List<Object> inputs, String label, Object a, Object b) {
		if (a instanceof Scalar x && b instanceof Scalar y) {
			return same(x, y) ? null : new Counterexample(inputs, describe(first, inputs), label, text(x), text(y));
		}
		if (a instanceof Tensor x && b instanceof Tensor y && x.size() == y.size()) {
			for (int e = 0; e < x.size(); e++) {
				if (!same(x.get(e), y.get(e))) {
					return new Counterexample(inputs, describe(first, inputs), label + Counterexample.indexText(x.shape(), e), text(x.get(e)),
							text(y.get(e)));
				}
			}
		}
		return null;
	}

	private static boolean same(Scalar a, Scalar b) {
		if (a instanceof Scalar.Real x && b instanceof Scalar.Real y) {
			return Double.compare(x.value(), y.value()) == 0 || x.value() == y.value();
		}
		return a.equals(b);
	}

	private void collectInputs(int root, Set<InputRef> into) {
		Deque<Integer> pending = new ArrayDeque<>();
		Set<Integer> seen = new HashSet<>();
		pending.push(root);
		while (!pending.isEmpty() && seen.size() < MAX_ATOMS) {
			int id = pending.pop();
			if (!seen.add(id)) {
				continue;
			}
			Term term = table.get(id);
			if (term.op == TermOp.INPUT) {
				into.add((InputRef) term.attribute);
			}
			for (int arg : term.args) {
				pending.push(arg);
			}
		}
	}

	private List<Object> inputs(IrFunction function, Fill fill, Set<InputRef> mentioned) throws CannotVerify {
		List<Object> inputs = new ArrayList<>();
		int[] counter = { 0 };
		for (int p = 0; p < function.getParams().size(); p++) {
			IrValue param = function.getParams().get(p);
			IrType element = IrTypeFacts.element(param.getType());
			if (param instanceof IrBuffer buffer && buffer.getType() instanceof org.allo.lang.ir.IrTensorType) {
				long[] shape = IrTypeFacts.shape(param.getType());
				Tensor tensor = new Tensor(shape, Scalar.of(0));
				for (int e = 0; e < tensor.size(); e++) {
					tensor.set(e, value(element, fill, mentioned.contains(new InputRef(p, e, null)), counter));
				}
				inputs.add(tensor);
			} else {
				inputs.add(value(element, fill, mentioned.contains(new InputRef(p, 0, null)), counter));
			}
		}
		return inputs;
	}

	private Scalar value(IrType type, Fill fill, boolean mentioned, int[] counter) {
		long small = switch (fill) {
		case MENTIONED -> mentioned ? ++counter[0] : 0;
		case ONES -> 1;
		default -> random.nextInt(7) - 3;
		};
		if (type instanceof IrFloatType) {
			return Scalar.of(fill == Fill.FULL ? random.nextGaussian() * 100 : small + (fill == Fill.SMALL ? random.nextInt(4) / 4.0 : 0));
		}
		BigInteger low = IrTypeFacts.low(type);
		BigInteger high = IrTypeFacts.high(type);
		BigInteger raw;
		if (fill == Fill.FULL) {
			raw = new BigInteger(high.subtract(low).bitLength(), random).mod(high.subtract(low).add(BigInteger.ONE)).add(low);
		} else {
			raw = BigInteger.valueOf(small).shiftLeft(IrTypeFacts.fracs(type)).max(low).min(high);
		}
		return new Scalar.Exact(raw, IrTypeFacts.fracs(type));
	}

	private static List<Object> copy(List<Object> inputs) {
		List<Object> copies = new ArrayList<>();
		for (Object input : inputs) {
			if (input instanceof Tensor tensor) {
				Tensor clone = new Tensor(tensor.shape(), Scalar.of(0));
				for (int e = 0; e < tensor.size(); e++) {
					clone.set(e, tensor.get(e));
				}
				copies.add(clone);
			} else {
				copies.add(input);
			}
		}
		return copies;
	}

	/** Small tensors in full, large ones by their non-zero elements. */
	private static List<String> describe(IrFunction function, List<Object> inputs) {
		List<String> texts = new ArrayList<>();
		for (int p = 0; p < inputs.size(); p++) {
			String name = function.getParams().get(p).getName();
			if (inputs.get(p) instanceof Tensor tensor) {
				texts.add(name + " = " + tensorText(tensor));
			} else {
				texts.add(name + " = " + text((Scalar) inputs.get(p)));
			}
		}
		return texts;
	}

	private static String tensorText(Tensor tensor) {
		List<String> values = new ArrayList<>();
		List<String> nonZero = new ArrayList<>();
		for (int e = 0; e < tensor.size(); e++) {
			String value = text(tensor.get(e));
			values.add(value);
			if (tensor.get(e).isTrue()) {
				nonZero.add(Counterexample.indexText(tensor.shape(), e) + " " + value);
			}
		}
		if (tensor.size() <= MAX_INPUTS_SHOWN) {
			return nested(values, tensor.shape(), 0, 0);
		}
		String shown = String.join(", ", nonZero.subList(0, Math.min(nonZero.size(), MAX_INPUTS_SHOWN)));
		return "{" + shown + (nonZero.size() > MAX_INPUTS_SHOWN ? ", ..." : "") + "; other elements 0}";
	}

	/** Row-major values as nested lists, as NumPy prints them: {@code [[1, 2], [3, 4]]}. */
	private static String nested(List<String> values, long[] shape, int dimension, int start) {
		if (dimension == shape.length) {
			return values.get(start);
		}
		int stride = 1;
		for (int d = dimension + 1; d < shape.length; d++) {
			stride *= (int) shape[d];
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < shape[dimension]; i++) {
			parts.add(nested(values, shape, dimension + 1, start + i * stride));
		}
		return "[" + String.join(", ", parts) + "]";
	}

	static String text(Scalar value) {
		if (value instanceof Scalar.Exact exact) {
			return exact.fracs() == 0 ? exact.raw().toString()
					: new BigDecimal(exact.raw()).divide(new BigDecimal(BigInteger.ONE.shiftLeft(exact.fracs()))).toPlainString();
		}
		return Double.toString(value.toDouble());
	}

	private static IrFunction top(IrModule module) throws CannotVerify {
		return module.getFunctions().stream().filter(IrFunction::isTop).findFirst()
				.orElseThrow(() -> new CannotVerify("the module has no top function"));
	}
}
