package org.allo.lang.tests.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.allo.lang.layout.DimLayout;
import org.allo.lang.layout.DimLayout.Kind;
import org.allo.lang.layout.LayoutLattice;
import org.allo.lang.layout.LayoutLattice.Mode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The layout lattice of LANGUAGE.md §4 on generated layouts: the order is a partial order, the
 * meet is commutative, associative, idempotent and the greatest lower bound, and normalisation is
 * stable. Each property takes a dimension size (sometimes unknown) and layouts normalised for it.
 */
class LayoutLatticePropertyTest {

	private static final LayoutLattice STRICT = new LayoutLattice(Mode.STRICT);
	private static final LayoutLattice PERMISSIVE = new LayoutLattice(Mode.PERMISSIVE);

	/** Three layouts of one dimension, and the mode. */
	record Case(int size, DimLayout a, DimLayout b, DimLayout c, LayoutLattice lattice) {
	}

	@Provide
	Arbitrary<Case> cases() {
		Arbitrary<Integer> sizes = Arbitraries.oneOf(Arbitraries.just(DimLayout.UNKNOWN_SIZE), Arbitraries.integers().between(2, 48));
		return sizes.flatMap(size -> Combinators.combine(layouts(size), layouts(size), layouts(size),
				Arbitraries.of(STRICT, PERMISSIVE)).as((a, b, c, lattice) -> new Case(size, a, b, c, lattice)));
	}

	private static Arbitrary<DimLayout> layouts(int size) {
		int maxFactor = size == DimLayout.UNKNOWN_SIZE ? 24 : size + 2;
		return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(1, maxFactor))
				.as((kind, factor) -> DimLayout.of(kind, factor, size));
	}

	@Property
	void orderIsAPartialOrder(@ForAll("cases") Case t) {
		assertTrue(LayoutLattice.leq(t.a(), t.a()));
		if (LayoutLattice.leq(t.a(), t.b()) && LayoutLattice.leq(t.b(), t.a())) {
			assertEquals(t.a(), t.b());
		}
		if (LayoutLattice.leq(t.a(), t.b()) && LayoutLattice.leq(t.b(), t.c())) {
			assertTrue(LayoutLattice.leq(t.a(), t.c()));
		}
	}

	@Property
	void meetIsCommutative(@ForAll("cases") Case t) {
		assertEquals(t.lattice().meet(t.a(), t.b(), t.size()), t.lattice().meet(t.b(), t.a(), t.size()));
	}

	@Property
	void meetIsIdempotent(@ForAll("cases") Case t) {
		assertEquals(Optional.of(t.a()), t.lattice().meet(t.a(), t.a(), t.size()));
	}

	@Property
	void meetIsAssociative(@ForAll("cases") Case t) {
		Optional<DimLayout> left = t.lattice().meet(t.a(), t.b(), t.size())
				.flatMap(ab -> t.lattice().meet(ab, t.c(), t.size()));
		Optional<DimLayout> right = t.lattice().meet(t.b(), t.c(), t.size())
				.flatMap(bc -> t.lattice().meet(t.a(), bc, t.size()));
		if (t.lattice() == PERMISSIVE) {
			assertEquals(left, right);
		} else if (left.isPresent() && right.isPresent()) {
			assertEquals(left, right);
		}
	}

	@Property
	void meetIsTheGreatestLowerBound(@ForAll("cases") Case t) {
		Optional<DimLayout> meet = t.lattice().meet(t.a(), t.b(), t.size());
		Assume.that(meet.isPresent());
		DimLayout m = meet.get();
		assertTrue(LayoutLattice.leq(m, t.a()), m + " is not below " + t.a());
		assertTrue(LayoutLattice.leq(m, t.b()), m + " is not below " + t.b());
		if (LayoutLattice.leq(t.c(), t.a()) && LayoutLattice.leq(t.c(), t.b())) {
			assertTrue(LayoutLattice.leq(t.c(), m), "lower bound " + t.c() + " is not below the meet " + m);
		}
	}

	@Property
	void strictModeFailsExactlyOnBlockAgainstCyclic(@ForAll("cases") Case t) {
		boolean blockAgainstCyclic = t.a().kind() == Kind.BLOCK && t.b().kind() == Kind.CYCLIC
				|| t.a().kind() == Kind.CYCLIC && t.b().kind() == Kind.BLOCK;
		assertEquals(blockAgainstCyclic, STRICT.meet(t.a(), t.b(), t.size()).isEmpty());
		assertEquals(blockAgainstCyclic ? Optional.of(DimLayout.COMPLETE) : STRICT.meet(t.a(), t.b(), t.size()),
				PERMISSIVE.meet(t.a(), t.b(), t.size()));
	}

	@Property
	void normalisationIsStable(@ForAll("cases") Case t) {
		assertEquals(t.a(), DimLayout.of(t.a().kind(), t.a().factor(), t.size()));
		t.lattice().meet(t.a(), t.b(), t.size())
				.ifPresent(m -> assertEquals(m, DimLayout.of(m.kind(), m.factor(), t.size())));
	}
}
