package org.allo.lang.interpreter;

import java.math.BigInteger;

import org.allo.lang.interpreter.Scalar.Exact;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrType;
import org.allo.lang.npy.HalfFloat;

/**
 * {@code x.reverse()} and {@code x.bitcast()}: operations on the bit pattern of a value rather than on its
 * number, as Allo's {@code allo.bit_reverse} and {@code arith.bitcast} do.
 */
final class BitReinterpretation {

	private BitReinterpretation() {
	}

	/** The low {@code bits} bits of an integer in reverse order, read in the result type. */
	static Scalar reverse(Scalar operand, IrType result) throws SimulationError {
		if (!(operand instanceof Exact value) || value.fracs() != 0 || !(result instanceof IrIntType type)) {
			throw new SimulationError(0, ".reverse() needs an integer operand");
		}
		BigInteger reversed = BigInteger.ZERO;
		for (int bit = 0; bit < type.getBits(); bit++) {
			if (value.raw().testBit(bit)) {
				reversed = reversed.setBit(type.getBits() - 1 - bit);
			}
		}
		return Arithmetic.convert(new Exact(reversed, 0), result);
	}

	/** The operand's bits read as the result type of the same width: integer to float, float to integer, or signedness. */
	static Scalar bitcast(Scalar operand, IrType result) throws SimulationError {
		if (operand instanceof Exact value && value.fracs() == 0 && result instanceof IrFloatType type) {
			long bits = value.raw().longValue();
			return Scalar.of(switch (type.getKind()) {
			case F16 -> HalfFloat.toDouble((int) (bits & 0xffff));
			case F32 -> (double) Float.intBitsToFloat((int) bits);
			case F64 -> Double.longBitsToDouble(bits);
			case BF16 -> (double) Float.intBitsToFloat((int) (bits & 0xffff) << 16);
			});
		}
		if (operand instanceof Scalar.Real real && result instanceof IrIntType type) {
			long bits = switch (type.getBits()) {
			case 16 -> HalfFloat.fromDouble(real.value());
			case 32 -> Float.floatToRawIntBits((float) real.value());
			default -> Double.doubleToRawLongBits(real.value());
			};
			return Arithmetic.convert(Scalar.of(bits), result);
		}
		if (operand instanceof Exact value && value.fracs() == 0 && result instanceof IrIntType) {
			return Arithmetic.convert(value, result);
		}
		throw new SimulationError(0, ".bitcast() needs an integer or a float16/32/64 operand");
	}
}
