package org.allo.lang.fastsim;

import java.util.List;

import org.allo.lang.interpreter.Arithmetic;
import org.allo.lang.interpreter.Faults;
import org.allo.lang.interpreter.FloatRounding;
import org.allo.lang.interpreter.MathFunctions;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.SimulationError;
import org.allo.lang.ir.IrFloatKind;
import org.allo.lang.ir.builder.IrNodes;

/**
 * The operations generated code calls instead of inlining them: each computes on raw longs what
 * {@link Arithmetic} computes on exact numbers, for operands known to fit a long. Small and static, so
 * the JIT inlines them. Public because the generated classes live in their own class loader.
 */
public final class FastOps {

	/** 2^63 as a double: doubles of smaller magnitude convert to long exactly (after truncation). */
	private static final double LONG_RANGE = 0x1p63;

	private FastOps() {
	}

	/** The two's-complement value of the low {@code bits} bits; 64 bits and more keep the long as it is. */
	public static long wrap(long raw, int bits, boolean signed) {
		if (bits >= Long.SIZE) {
			return raw;
		}
		int unused = Long.SIZE - bits;
		return signed ? raw << unused >> unused : raw & -1L >>> unused;
	}

	/** raw · 2^-fracs truncated toward zero, like Scalar.Exact.integerPart. */
	public static long integerPart(long raw, int fracs) {
		if (fracs >= Long.SIZE - 1) {
			return fracs == Long.SIZE - 1 && raw == Long.MIN_VALUE ? -1 : 0;
		}
		return raw / (1L << fracs);
	}

	/** raw · 2^-fracs as the nearest double, like Scalar.Exact.toDouble. */
	public static double toDouble(long raw, int fracs) {
		return Math.scalb((double) raw, -fracs);
	}

	/** A float converted to an integer type: truncated toward zero, NaN and infinities 0, then wrapped. */
	public static long realToInteger(double value, int bits, boolean signed) throws SimulationError {
		if (Math.abs(value) < LONG_RANGE) {
			return wrap((long) value, bits, signed);
		}
		return exactRaw(Arithmetic.convert(Scalar.of(value), IrNodes.intType(bits, signed)));
	}

	/** A float converted to a fixed-point type: floor of value · 2^fracs (AP_TRN), then wrapped. */
	public static long realToFixed(double value, int fracs, int bits, boolean signed) throws SimulationError {
		double scaled = Math.floor(Math.scalb(value, fracs));
		if (Math.abs(scaled) < LONG_RANGE) {
			return wrap((long) scaled, bits, signed);
		}
		return exactRaw(Arithmetic.convert(Scalar.of(value), IrNodes.fixed(bits, fracs, signed)));
	}

	/** The low 64 bits of the raw value, which is all a modular value keeps. */
	private static long exactRaw(Scalar value) {
		return ((Scalar.Exact) value).raw().longValue();
	}

	public static double roundHalf(double value) {
		return FloatRounding.round(value, IrFloatKind.F16);
	}

	public static double roundBrain(double value) {
		return FloatRounding.round(value, IrFloatKind.BF16);
	}

	public static double log2(double value) {
		return MathFunctions.log2(value);
	}

	/** C division of integers (toward zero). */
	public static long divide(long a, long b, int line) throws SimulationError {
		if (b == 0) {
			throw Faults.divisionByZero(line);
		}
		return a / b;
	}

	/** Fixed-point division: the exact quotient floored to {@code resultFracs} fractional bits. */
	public static long fixedDivide(long a, long b, int resultFracs, int line) throws SimulationError {
		if (b == 0) {
			throw Faults.divisionByZero(line);
		}
		return Math.floorDiv(a << resultFracs, b);
	}

	public static long floorDivide(long a, long b, int line) throws SimulationError {
		if (b == 0) {
			throw Faults.divisionByZero(line);
		}
		return Math.floorDiv(a, b);
	}

	/** C remainder (the sign of the dividend). */
	public static long remainder(long a, long b, int line) throws SimulationError {
		if (b == 0) {
			throw Faults.divisionByZero(line);
		}
		return a % b;
	}

	/**
	 * base ** exponent for integer operands and an integer result: exact modulo 2^64 (hence modulo the
	 * result's width) by repeated squaring; a negative exponent goes through Math.pow like the interpreter.
	 */
	public static long integerPower(long base, long exponent, int bits, boolean signed) throws SimulationError {
		if (exponent < 0) {
			return realToInteger(Math.pow(base, exponent), bits, signed);
		}
		long result = 1;
		long square = base;
		for (long rest = exponent; rest != 0; rest >>>= 1) {
			if ((rest & 1) != 0) {
				result *= square;
			}
			square *= square;
		}
		return wrap(result, bits, signed);
	}

	/** The shift distance of an amount raw · 2^-fracs (its floor), refused when negative or above 2^31 - 1. */
	public static long shiftDistance(long raw, int fracs, int line) throws SimulationError {
		long distance = fracs >= Long.SIZE ? raw >> (Long.SIZE - 1) : raw >> fracs;
		if (distance < 0 || distance > Integer.MAX_VALUE) {
			throw Faults.badShiftAmount(line, distance);
		}
		return distance;
	}

	/** floor(a · b / 2^shift) from the exact 128-bit product: exact when it fits a long, else its low 64 bits. */
	public static long multiplyShift(long a, long b, int shift) {
		long high = Math.multiplyHigh(a, b);
		long low = a * b;
		if (shift == 0) {
			return low;
		}
		if (shift < Long.SIZE) {
			return low >>> shift | high << (Long.SIZE - shift);
		}
		return high >> Math.min(shift - Long.SIZE, Long.SIZE - 1);
	}

	/** a · b / 2^shift truncated toward zero (the integer part of a fixed-point product), from 128 bits. */
	public static long multiplyTruncate(long a, long b, int shift) {
		long floor = multiplyShift(a, b, shift);
		long high = Math.multiplyHigh(a, b);
		long low = a * b;
		boolean inexact = shift < Long.SIZE ? (low & (1L << shift) - 1) != 0
				: low != 0 || (high & (1L << Math.min(shift - Long.SIZE, Long.SIZE - 1)) - 1) != 0;
		return high < 0 && inexact ? floor + 1 : floor;
	}

	/** Bits shifted beyond the 64 a long keeps are lost, as they are modulo 2^64. */
	public static long shiftLeft(long value, long distance) {
		return distance >= Long.SIZE ? 0 : value << distance;
	}

	public static long shiftRight(long value, long distance) {
		return value >> Math.min(distance, Long.SIZE - 1);
	}

	/** Bits [low, high) of raw as an unsigned number (its low 64 bits when it is wider). */
	public static long bitSlice(long raw, long low, long high, int line) throws SimulationError {
		if (low < 0 || high <= low || high > Integer.MAX_VALUE) {
			throw Faults.badBitSlice(line, low, high);
		}
		long shifted = shiftRight(raw, low);
		return high - low >= Long.SIZE ? shifted : shifted & (1L << (high - low)) - 1;
	}

	/**
	 * The steps a counted loop's iterations take, {@code perIteration} each, like the interpreter's
	 * {@code for (i = lower; step > 0 ? i < upper : i > upper; i += step)}; Long.MAX_VALUE when the count
	 * overflows or the counter could wrap around (then the caller counts step by step).
	 */
	public static long loopSteps(long lower, long upper, long step, long perIteration) {
		boolean up = step > 0;
		if (up ? lower >= upper : lower <= upper) {
			return 0;
		}
		if (step == Long.MIN_VALUE || (up ? upper > Long.MAX_VALUE - step : upper < Long.MIN_VALUE - step)) {
			return Long.MAX_VALUE;
		}
		try {
			long distance = up ? Math.subtractExact(upper, lower) : Math.subtractExact(lower, upper);
			long iterations = (distance - 1) / Math.abs(step) + 1;
			return Math.multiplyExact(iterations, perIteration);
		} catch (ArithmeticException e) {
			return Long.MAX_VALUE;
		}
	}

	/** Builds the index list of an out-of-bounds fault. */
	public static SimulationError outOfBounds(int line, String buffer, long[] shape, long[] indices) {
		return Faults.outOfBounds(line, buffer, boxed(indices), shape);
	}

	public static SimulationError streamOutOfBounds(int line, String stream, long[] shape, long[] indices) {
		return Faults.streamOutOfBounds(line, stream, boxed(indices), shape);
	}

	private static List<Long> boxed(long[] values) {
		return java.util.Arrays.stream(values).boxed().toList();
	}
}
