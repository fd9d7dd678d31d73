package org.allo.lang.verify;

import java.math.BigInteger;
import java.util.List;

/** The constant and the coefficient of each monomial (in argument order) of a canonical sum. */
public record Coefficients(BigInteger constant, List<BigInteger> ofMonomials) {
}
