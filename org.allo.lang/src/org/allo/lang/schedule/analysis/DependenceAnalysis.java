package org.allo.lang.schedule.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.allo.lang.ir.IrAssign;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrValue;
import org.allo.lang.schedule.analysis.DependenceTest.Level;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * The data dependences inside one region of the IR (a loop nest or a function body): every pair
 * of accesses to the same buffer or scalar, at least one a write, tested with
 * {@link DependenceTest} over the loops they share inside the region. Loops outside the region
 * are fixed while it runs; their variables count as symbols with the same value on both sides.
 *
 * <p>Typical uses: {@code DependenceAnalysis.of(band).dependences()} to check a reorder (every
 * vector must stay lexicographically positive once permuted), {@link #carriedBy(IrFor)} to check
 * a parallel loop, and {@link #accesses()} with {@link DependenceTest#directions} over aligned
 * {@link Level}s to check a fusion of two different nests.
 */
public final class DependenceAnalysis {

	private final AccessCollector collector;
	private final LoopBounds bounds = new LoopBounds();
	private final List<Dependence> dependences = new ArrayList<>();
	/** Tests already run: a band reads and writes the same few subscripts many times over. */
	private final Map<PairKey, List<DirectionVector>> tested = new HashMap<>();

	/** What the outcome of one test depends on. */
	private record PairKey(List<Optional<AffineForm>> first, List<Optional<AffineForm>> second, List<IrFor> firstLoops,
			List<IrFor> secondLoops, Set<Integer> forcedEqual) {
	}

	private DependenceAnalysis(IrStatement root) {
		collector = AccessCollector.of(root);
		Map<IrValue, List<Access>> byTarget = new LinkedHashMap<>();
		for (Access access : collector.accesses()) {
			byTarget.computeIfAbsent(access.target(), t -> new ArrayList<>()).add(access);
		}
		byTarget.values().forEach(this::pairs);
	}

	public static DependenceAnalysis of(IrStatement root) {
		return new DependenceAnalysis(root);
	}

	/** Every dependence of the region, in the order of their sources. */
	public List<Dependence> dependences() {
		return dependences;
	}

	/** The dependences that {@code loop} carries (excluding none: reductions included, see {@link Dependence#reduction()}). */
	public List<Dependence> carriedBy(IrFor loop) {
		return dependences.stream().filter(dependence -> dependence.carriedBy(loop)).toList();
	}

	/** Every access of the region in execution order. */
	public List<Access> accesses() {
		return collector.accesses();
	}

	/** The ranges of loop variables this analysis used; share it with {@link DependenceTest#directions}. */
	public LoopBounds bounds() {
		return bounds;
	}

	private void pairs(List<Access> accesses) {
		for (int i = 0; i < accesses.size(); i++) {
			for (int j = i; j < accesses.size(); j++) {
				Access first = accesses.get(i);
				Access second = accesses.get(j);
				if (first.write() || second.write()) {
					pair(first, second);
				}
			}
		}
	}

	/**
	 * {@code first} comes before {@code second} in one iteration (or is it: then a backward vector
	 * is the reverse of a forward one and adds nothing).
	 */
	private void pair(Access first, Access second) {
		List<IrFor> common = commonLoops(first, second);
		List<Level> levels = common.stream().map(Level::common).toList();
		List<DirectionVector> forward = new ArrayList<>();
		List<DirectionVector> backward = new ArrayList<>();
		Set<Integer> forcedEqual = privateLevels(first.target(), common);
		List<DirectionVector> vectors = tested.computeIfAbsent(
				new PairKey(first.indices(), second.indices(), first.loops(), second.loops(), forcedEqual),
				key -> DependenceTest.directions(first, second, levels, forcedEqual, bounds));
		for (DirectionVector vector : vectors) {
			if (vector.isLexicographicallyPositive() || (vector.carryingLevel() < 0 && first != second)) {
				forward.add(vector);
			} else if (vector.carryingLevel() >= 0 && first != second) {
				backward.add(vector.reversed());
			}
		}
		if (!forward.isEmpty()) {
			dependences.add(dependence(first, second, common, forward));
		}
		if (!backward.isEmpty()) {
			dependences.add(dependence(second, first, common, backward));
		}
	}

	private Dependence dependence(Access source, Access sink, List<IrFor> common, List<DirectionVector> vectors) {
		Dependence.Kind kind = source.write() ? (sink.write() ? Dependence.Kind.OUTPUT : Dependence.Kind.FLOW) : Dependence.Kind.ANTI;
		boolean reduction = sameAccumulation(source, sink) && vectors.stream()
				.allMatch(vector -> vector.carryingLevel() < 0 || common.get(vector.carryingLevel()).isReduction());
		return new Dependence(source, sink, kind, common, vectors, reduction);
	}

	/** Both accesses belong to one update {@code x[s] = f(x[s], ...)} of the same element. */
	private static boolean sameAccumulation(Access a, Access b) {
		IrStatement update = updateOf(a);
		return update != null && update == updateOf(b);
	}

	/** The update statement an access takes part in: the write itself, or the write whose value reads the same element. */
	private static IrStatement updateOf(Access access) {
		EObject node = access.node();
		if (node instanceof IrStore || node instanceof IrAssign) {
			return (IrStatement) node;
		}
		for (EObject at = node.eContainer(); at != null && !(at instanceof IrFor); at = at.eContainer()) {
			if (node instanceof IrLoad load && at instanceof IrStore store && store.getBuffer() == access.target()
					&& EcoreUtil.equals(store.getIndices(), load.getIndices())) {
				return store;
			}
			if (at instanceof IrAssign assign && assign.getTarget() == access.target()) {
				return assign;
			}
		}
		return null;
	}

	/** The levels whose every iteration has its own copy of {@code target} (declared in their body). */
	private Set<Integer> privateLevels(IrValue target, List<IrFor> common) {
		Set<Integer> levels = new HashSet<>();
		IrFor declaredIn = collector.declaredIn(target);
		int index = common.indexOf(declaredIn);
		for (int level = 0; level <= index; level++) {
			levels.add(level);
		}
		return levels;
	}

	private static List<IrFor> commonLoops(Access a, Access b) {
		List<IrFor> common = new ArrayList<>();
		for (int k = 0; k < Math.min(a.loops().size(), b.loops().size()) && a.loops().get(k) == b.loops().get(k); k++) {
			common.add(a.loops().get(k));
		}
		return common;
	}
}
