package org.allo.lang.layout;

import java.util.Optional;

import org.allo.lang.layout.DimLayout.Kind;

/**
 * The order and meet of per-dimension layouts (LANGUAGE.md §4). {@code a ⊑ b} means a serves every
 * parallel access pattern b serves: {@code Complete ⊑ Cyclic(f) ⊑ None}, {@code Complete ⊑ Block(f)
 * ⊑ None}, {@code Cyclic(f) ⊑ Cyclic(g)} iff g divides f, the same for Block. Block and Cyclic meet
 * only at {@code Complete}: in strict mode that is a conflict (no meet), in permissive mode the meet.
 * Every operation takes the dimension size ({@link DimLayout#UNKNOWN_SIZE} when unknown), because a
 * factor that reaches the size is {@code Complete}.
 */
public final class LayoutLattice {

	/** Whether Block and Cyclic requirements on one dimension are an error or meet at Complete. */
	public enum Mode {
		STRICT, PERMISSIVE
	}

	private final Mode mode;

	public LayoutLattice(Mode mode) {
		this.mode = mode;
	}

	public Mode mode() {
		return mode;
	}

	public static boolean leq(DimLayout a, DimLayout b) {
		if (a.equals(b) || a.kind() == Kind.COMPLETE || b.kind() == Kind.NONE) {
			return true;
		}
		if (a.kind() == Kind.NONE || b.kind() == Kind.COMPLETE || a.kind() != b.kind()) {
			return false;
		}
		return a.factor() % b.factor() == 0;
	}

	/** The greatest lower bound; empty when the two conflict (Block against Cyclic in strict mode). */
	public Optional<DimLayout> meet(DimLayout a, DimLayout b, int size) {
		if (leq(a, b)) {
			return Optional.of(a);
		}
		if (leq(b, a)) {
			return Optional.of(b);
		}
		if (a.kind() == b.kind()) {
			return Optional.of(DimLayout.of(a.kind(), lcm(a.factor(), b.factor(), size), size));
		}
		return mode == Mode.PERMISSIVE ? Optional.of(DimLayout.COMPLETE) : Optional.empty();
	}

	/** Whether two layouts have no meet in this mode. */
	public boolean conflict(DimLayout a, DimLayout b) {
		return mode == Mode.STRICT && !leq(a, b) && !leq(b, a) && a.kind() != b.kind();
	}

	/** lcm(f, g), capped at the size when known (anything from the size on is Complete). */
	private static int lcm(int f, int g, int size) {
		long lcm = (long) f / gcd(f, g) * g;
		long cap = size == DimLayout.UNKNOWN_SIZE ? Integer.MAX_VALUE : size;
		return (int) Math.min(lcm, cap);
	}

	private static int gcd(int a, int b) {
		return b == 0 ? a : gcd(b, a % b);
	}
}
