package org.allo.lang.verify;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * A sum of monomials with integer coefficients plus a constant, while {@link Normaliser} collects
 * it; monomials are term ids (an atom, or a PRODUCT of atoms).
 */
final class Polynomial {

	BigInteger constant = BigInteger.ZERO;
	final Map<Integer, BigInteger> coefficients = new HashMap<>();

	void addConstant(BigInteger value) {
		constant = constant.add(value);
	}

	void addMonomial(int monomial, BigInteger coefficient) {
		coefficients.merge(monomial, coefficient, BigInteger::add);
	}

	void addScaled(Polynomial other, BigInteger factor) {
		addConstant(other.constant.multiply(factor));
		for (Map.Entry<Integer, BigInteger> entry : other.coefficients.entrySet()) {
			addMonomial(entry.getKey(), entry.getValue().multiply(factor));
		}
	}

	int size() {
		return coefficients.size() + 1;
	}

	/** Keeps every coefficient modulo 2^bits, in [0, 2^bits), which is exact under a wrap to bits. */
	void reduceModulo(int bits) {
		BigInteger modulus = BigInteger.ONE.shiftLeft(bits);
		constant = constant.mod(modulus);
		coefficients.replaceAll((monomial, coefficient) -> coefficient.mod(modulus));
	}

	void dropZeros() {
		coefficients.values().removeIf(coefficient -> coefficient.signum() == 0);
	}
}
