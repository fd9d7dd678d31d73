package org.allo.lang.interpreter;

import java.util.List;

import org.allo.lang.interpreter.Scalar.Exact;
import org.allo.lang.ir.IrMathFunction;
import org.allo.lang.ir.IrType;

/** The math library of the IR, computed in double by java.lang.Math and rounded to the call's type. */
public final class MathFunctions {

	private MathFunctions() {
	}

	public static Scalar apply(IrMathFunction function, List<Scalar> args, IrType result) throws SimulationError {
		int expected = function == IrMathFunction.POWER ? 2 : 1;
		if (args.size() != expected) {
			throw new SimulationError(0, function.getLiteral().toLowerCase() + " takes " + expected + " argument(s), got " + args.size());
		}
		if (function == IrMathFunction.ABS && args.get(0) instanceof Exact exact) {
			return Arithmetic.convert(new Exact(exact.raw().abs(), exact.fracs()), result);
		}
		double x = args.get(0).toDouble();
		double value = switch (function) {
		case EXP -> Math.exp(x);
		case LOG -> Math.log(x);
		case LOG2 -> log2(x);
		case LOG10 -> Math.log10(x);
		case SQRT -> Math.sqrt(x);
		case SIN -> Math.sin(x);
		case COS -> Math.cos(x);
		case TAN -> Math.tan(x);
		case TANH -> Math.tanh(x);
		case ABS -> Math.abs(x);
		case POWER -> Math.pow(x, args.get(1).toDouble());
		};
		return Arithmetic.convert(Scalar.of(value), result);
	}

	/** Exact for powers of two, where log(x)/log(2) can miss the integer by one ulp. */
	public static double log2(double x) {
		boolean powerOfTwo = x > 0 && Double.isFinite(x) && x == Math.scalb(1.0, Math.getExponent(x));
		return powerOfTwo ? Math.getExponent(x) : Math.log(x) / Math.log(2);
	}
}
