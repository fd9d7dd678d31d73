package org.allo.lang.schedule.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrVar;

/**
 * The affine dependence test between two accesses of one buffer: which direction vectors over
 * the aligned loops admit an iteration of the source and one of the sink touching the same
 * element. Each subscript equation {@code f(x) = g(y)} is tested with the GCD test and with
 * Banerjee's bounds under the directions chosen so far; directions are refined outermost
 * first, pruning infeasible prefixes. Exact for separable subscripts with constant bounds,
 * conservative ("may depend") otherwise.
 */
public final class DependenceTest {

	/**
	 * A pair of loops whose iterations are compared: the same loop around both accesses, or
	 * (for fusion) a source loop and the sink loop it would be merged with.
	 */
	public record Level(IrFor source, IrFor sink) {
		public static Level common(IrFor loop) {
			return new Level(loop, loop);
		}
	}

	/**
	 * A term {@code coefficient·v}: of a level's source or sink variable (level ≥ 0), or of a free
	 * variable with its range (level -1); {@code shared} is the variable when it lies outside both
	 * nests and so has one value for both accesses.
	 */
	private record Term(int level, boolean sinkSide, long coefficient, Interval range, IrVar shared) {
	}

	/** One subscript dimension: {@code Σ terms = constant}, or unconstrained when a subscript is not affine. */
	private record Equation(List<Term> terms, long constant) {
	}

	private final List<Level> levels;
	private final Set<Integer> forcedEqual;
	private final LoopBounds bounds;
	private final List<Equation> equations = new ArrayList<>();
	private final Interval[] sourceRanges;
	private final Interval[] sinkRanges;
	private final List<DirectionVector> feasible = new ArrayList<>();
	/** The region corners of each level, per direction (index 3: any direction). */
	private final List<List<long[]>>[] corners;

	private DependenceTest(List<Level> levels, Set<Integer> forcedEqual, LoopBounds bounds) {
		this.levels = levels;
		this.forcedEqual = forcedEqual;
		this.bounds = bounds;
		sourceRanges = new Interval[levels.size()];
		sinkRanges = new Interval[levels.size()];
		@SuppressWarnings("unchecked")
		List<List<long[]>>[] empty = new List[levels.size()];
		corners = empty;
		for (int k = 0; k < levels.size(); k++) {
			sourceRanges[k] = bounds.of(levels.get(k).source());
			sinkRanges[k] = bounds.of(levels.get(k).sink());
		}
	}

	/**
	 * The direction vectors (one entry per level) under which {@code source} and {@code sink} may
	 * touch the same element; levels in {@code forcedEqual} only take {@code =} (a value private to
	 * each iteration of that loop). Empty when the accesses are independent.
	 */
	public static List<DirectionVector> directions(Access source, Access sink, List<Level> levels, Set<Integer> forcedEqual,
			LoopBounds bounds) {
		DependenceTest test = new DependenceTest(levels, forcedEqual, bounds);
		if (source.indices() != null && sink.indices() != null && source.indices().size() == sink.indices().size()) {
			for (int d = 0; d < source.indices().size(); d++) {
				Optional<AffineForm> f = source.indices().get(d);
				Optional<AffineForm> g = sink.indices().get(d);
				if (f.isPresent() && g.isPresent()) {
					test.equations.add(test.equation(f.get(), g.get(), source, sink));
				}
			}
		}
		test.refine(new Direction[levels.size()], 0);
		return test.feasible;
	}

	private Equation equation(AffineForm f, AffineForm g, Access source, Access sink) {
		List<Term> terms = new ArrayList<>();
		addTerms(terms, f, false, source, 1);
		addTerms(terms, g, true, sink, -1);
		return new Equation(terms, g.constant() - f.constant());
	}

	/** A variable outside both nests (an enclosing loop's) has one value for both accesses: its terms cancel. */
	private void addTerms(List<Term> terms, AffineForm form, boolean sinkSide, Access access, long sign) {
		for (Map.Entry<IrVar, Long> entry : form.coefficients().entrySet()) {
			IrVar var = entry.getKey();
			long coefficient = sign * entry.getValue();
			int level = levelOf(var, sinkSide);
			IrFor loop = (IrFor) var.eContainer();
			if (level >= 0) {
				terms.add(new Term(level, sinkSide, coefficient, null, null));
			} else {
				terms.add(new Term(-1, sinkSide, coefficient, bounds.of(loop), access.loops().contains(loop) ? null : var));
			}
		}
	}

	private int levelOf(IrVar var, boolean sinkSide) {
		for (int k = 0; k < levels.size(); k++) {
			IrFor loop = sinkSide ? levels.get(k).sink() : levels.get(k).source();
			if (loop.getVar() == var) {
				return k;
			}
		}
		return -1;
	}

	private void refine(Direction[] directions, int level) {
		if (!feasible(directions)) {
			return;
		}
		if (level == directions.length) {
			feasible.add(vector(directions));
			return;
		}
		for (Direction direction : Direction.values()) {
			if (direction == Direction.EQ || !forcedEqual.contains(level)) {
				directions[level] = direction;
				refine(directions, level + 1);
			}
		}
		directions[level] = null;
	}

	private boolean feasible(Direction[] directions) {
		for (int k = 0; k < directions.length; k++) {
			if (vertices(k, directions[k]).isEmpty()) {
				return false;
			}
		}
		for (Equation equation : equations) {
			if (!satisfiable(equation, directions)) {
				return false;
			}
		}
		return true;
	}

	/** Banerjee: the constant lies within the bounds of the left side; GCD: the coefficients' gcd divides it. */
	private boolean satisfiable(Equation equation, Direction[] directions) {
		long min = 0;
		long max = 0;
		long gcd = 0;
		List<Term> free = new ArrayList<>();
		for (Term term : equation.terms()) {
			if (term.level() < 0) {
				free.add(term);
			}
		}
		for (int k = 0; k < directions.length; k++) {
			long a = coefficient(equation, k, false);
			long b = coefficient(equation, k, true);
			if (a == 0 && b == 0) {
				continue;
			}
			long low = Long.MAX_VALUE;
			long high = Long.MIN_VALUE;
			for (long[] point : vertices(k, directions[k])) {
				long value = saturatedSum(saturatedProduct(a, point[0]), saturatedProduct(b, point[1]));
				low = Math.min(low, value);
				high = Math.max(high, value);
			}
			min = saturatedSum(min, low);
			max = saturatedSum(max, high);
			boolean sameLoop = levels.get(k).source() == levels.get(k).sink();
			if (directions[k] == Direction.EQ && sameLoop) {
				gcd = gcd(gcd, a + b);
			} else {
				gcd = gcd(gcd(gcd, a), b);
			}
		}
		for (Term term : mergedFree(free)) {
			Interval range = term.range().times(term.coefficient());
			min = saturatedSum(min, range.low());
			max = saturatedSum(max, range.high());
			gcd = gcd(gcd, term.coefficient());
		}
		long c = equation.constant();
		if (c < min || c > max) {
			return false;
		}
		return gcd == 0 ? c == 0 : c % gcd == 0;
	}

	/** Terms of one variable outside both nests, summed: equal coefficients on both sides cancel. */
	private static List<Term> mergedFree(List<Term> free) {
		List<Term> merged = new ArrayList<>();
		for (Term term : free) {
			int index = -1;
			for (int i = 0; term.shared() != null && i < merged.size(); i++) {
				if (merged.get(i).shared() == term.shared()) {
					index = i;
				}
			}
			if (index < 0) {
				merged.add(term);
			} else {
				Term previous = merged.get(index);
				merged.set(index, new Term(-1, false, previous.coefficient() + term.coefficient(), term.range(), term.shared()));
			}
		}
		merged.removeIf(term -> term.coefficient() == 0);
		return merged;
	}

	private static long coefficient(Equation equation, int level, boolean sinkSide) {
		long sum = 0;
		for (Term term : equation.terms()) {
			if (term.level() == level && term.sinkSide() == sinkSide) {
				sum += term.coefficient();
			}
		}
		return sum;
	}

	/**
	 * The corners of the region of (source, sink) values of level {@code k} under a direction
	 * (null: any): a linear function takes its extremes there.
	 */
	private List<long[]> vertices(int k, Direction direction) {
		if (corners[k] == null) {
			corners[k] = new ArrayList<>();
			for (Direction each : Direction.values()) {
				corners[k].add(computeVertices(k, each));
			}
			corners[k].add(computeVertices(k, null));
		}
		return corners[k].get(direction == null ? Direction.values().length : direction.ordinal());
	}

	private List<long[]> computeVertices(int k, Direction direction) {
		Interval x = sourceRanges[k];
		Interval y = sinkRanges[k];
		List<long[]> points = new ArrayList<>();
		if (x.isEmpty() || y.isEmpty()) {
			return points;
		}
		if (direction == Direction.EQ) {
			long low = Math.max(x.low(), y.low());
			long high = Math.min(x.high(), y.high());
			if (low <= high) {
				points.add(new long[] { low, low });
				points.add(new long[] { high, high });
			}
			return points;
		}
		for (long xv : new long[] { x.low(), x.high() }) {
			for (long yv : new long[] { y.low(), y.high() }) {
				addIfAllowed(points, xv, yv, direction, x, y);
			}
		}
		if (direction != null) {
			long offset = direction == Direction.LT ? 1 : -1;
			for (long xv : new long[] { x.low(), x.high(), y.low() - offset, y.high() - offset }) {
				addIfAllowed(points, xv, xv + offset, direction, x, y);
			}
		}
		return points;
	}

	private static void addIfAllowed(List<long[]> points, long xv, long yv, Direction direction, Interval x, Interval y) {
		boolean inBox = xv >= x.low() && xv <= x.high() && yv >= y.low() && yv <= y.high();
		boolean ordered = direction == null || (direction == Direction.LT ? xv < yv : xv > yv);
		if (inBox && ordered) {
			points.add(new long[] { xv, yv });
		}
	}

	/** The vector for a complete assignment, with the distance of each level the subscripts fix. */
	private DirectionVector vector(Direction[] directions) {
		List<Long> distances = new ArrayList<>();
		for (int k = 0; k < directions.length; k++) {
			distances.add(directions[k] == Direction.EQ ? Long.valueOf(0) : distance(k, directions));
		}
		return new DirectionVector(Arrays.asList(directions.clone()), distances);
	}

	/** {@code a·x - a·y = c} with nothing else varying gives {@code y - x = -c / a}. */
	private Long distance(int k, Direction[] directions) {
		if (levels.get(k).source() != levels.get(k).sink()) {
			return null;
		}
		for (Equation equation : equations) {
			long a = coefficient(equation, k, false);
			long b = coefficient(equation, k, true);
			if (a == 0 || a + b != 0 || !othersFixed(equation, k, directions)) {
				continue;
			}
			long c = equation.constant();
			return c % a == 0 ? -c / a : null;
		}
		return null;
	}

	private boolean othersFixed(Equation equation, int k, Direction[] directions) {
		for (int other = 0; other < directions.length; other++) {
			if (other == k) {
				continue;
			}
			long a = coefficient(equation, other, false);
			long b = coefficient(equation, other, true);
			boolean cancels = directions[other] == Direction.EQ && levels.get(other).source() == levels.get(other).sink() && a + b == 0;
			if ((a != 0 || b != 0) && !cancels) {
				return false;
			}
		}
		List<Term> free = new ArrayList<>();
		for (Term term : equation.terms()) {
			if (term.level() < 0) {
				free.add(term);
			}
		}
		return mergedFree(free).isEmpty();
	}

	private static long gcd(long a, long b) {
		a = Math.abs(a);
		b = Math.abs(b);
		while (b != 0) {
			long t = a % b;
			a = b;
			b = t;
		}
		return a;
	}

	private static long saturatedProduct(long a, long b) {
		try {
			return Math.multiplyExact(a, b);
		} catch (ArithmeticException overflow) {
			return Long.signum(a) * Long.signum(b) > 0 ? Long.MAX_VALUE / 4 : Long.MIN_VALUE / 4;
		}
	}

	private static long saturatedSum(long a, long b) {
		try {
			return Math.addExact(a, b);
		} catch (ArithmeticException overflow) {
			return a > 0 ? Long.MAX_VALUE / 4 : Long.MIN_VALUE / 4;
		}
	}
}
