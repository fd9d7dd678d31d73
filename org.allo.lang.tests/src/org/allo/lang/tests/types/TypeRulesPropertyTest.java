package org.allo.lang.tests.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.allo.lang.types.FixedType;
import org.allo.lang.types.FloatType;
import org.allo.lang.types.IndexType;
import org.allo.lang.types.IntType;
import org.allo.lang.types.Type;
import org.allo.lang.types.TypeRules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of Allo's widening table over random scalar types: a sum, difference or product holds both
 * operands without loss (that is why Allo widens), the symmetric operators are symmetric, shifts
 * keep the left type, comparisons give bool, and the common type of a select holds both branches.
 */
class TypeRulesPropertyTest {

	@Provide
	Arbitrary<Type> scalars() {
		Arbitrary<Integer> widths = Arbitraries.integers().between(1, 256);
		Arbitrary<Type> ints = Combinators.combine(widths, Arbitraries.of(true, false)).as(IntType::new);
		Arbitrary<Type> fixed = Combinators.combine(widths, Arbitraries.integers().between(0, 256),
				Arbitraries.of(true, false)).as((bits, fracs, signed) -> new FixedType(bits, Math.min(fracs, bits), signed));
		Arbitrary<Type> floats = Arbitraries.of(new FloatType(16, 10), FloatType.FLOAT32, FloatType.FLOAT64);
		return Arbitraries.oneOf(ints, fixed, floats, Arbitraries.just(IndexType.INSTANCE));
	}

	@Property
	void sumsDifferencesAndProductsHoldBothOperands(@ForAll("scalars") Type a, @ForAll("scalars") Type b,
			@ForAll("widening") String op) {
		Type result = TypeRules.binary(op, a, b);
		assertFalse(TypeRules.lossy(a, result), () -> a + " " + op + " " + b + " = " + result + " loses " + a);
		assertFalse(TypeRules.lossy(b, result), () -> a + " " + op + " " + b + " = " + result + " loses " + b);
	}

	@Provide
	Arbitrary<String> widening() {
		return Arbitraries.of("+", "-", "*");
	}

	@Property
	void symmetricOperatorsAreSymmetric(@ForAll("scalars") Type a, @ForAll("scalars") Type b,
			@ForAll("symmetric") String op) {
		assertEquals(TypeRules.binary(op, a, b), TypeRules.binary(op, b, a), () -> a + " " + op + " " + b);
	}

	/** Not {@code **}: for two operands of one class Allo decides by the left one's width. */
	@Provide
	Arbitrary<String> symmetric() {
		return Arbitraries.of("+", "-", "*", "%", "&", "|", "^");
	}

	@Property
	void shiftsKeepTheLeftType(@ForAll("scalars") Type a, @ForAll("scalars") Type b) {
		Type result = TypeRules.binary("<<", a, b);
		boolean defined = !(a instanceof FloatType) && (b instanceof IntType || b instanceof IndexType);
		assertEquals(defined ? a : null, result, () -> a + " << " + b);
	}

	@Property
	void comparisonsGiveBool(@ForAll("scalars") Type a, @ForAll("scalars") Type b) {
		assertEquals(IntType.BOOL, TypeRules.compare(a, b));
	}

	@Property
	void aSelectHoldsBothBranches(@ForAll("scalars") Type a, @ForAll("scalars") Type b) {
		Type result = TypeRules.select(a, b);
		assertFalse(TypeRules.lossy(a, result) || TypeRules.lossy(b, result), () -> a + ", " + b + " -> " + result);
	}
}
