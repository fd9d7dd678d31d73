package org.allo.lang.schedule.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrIf;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.IrWhile;
import org.eclipse.emf.ecore.EObject;

/**
 * The exact answer for subscripts the affine test cannot read ({@code f // 8}, {@code f % 8} after
 * a fuse): runs the loop nest's control (loop bounds and conditions over loop variables only),
 * evaluates the two accesses' subscripts in every iteration, and sees whether one element is
 * touched in two different iterations of the loop. A condition it cannot evaluate counts both
 * branches as taken, which can only add conflicts.
 */
public final class IterationEnumeration {

	private final IrFor loop;
	private final Access source;
	private final Access sink;
	private final Map<IrVar, Long> values = new HashMap<>();
	private final Map<List<Long>, Set<Long>> sourceIterations = new HashMap<>();
	private final Map<List<Long>, Set<Long>> sinkIterations = new HashMap<>();
	private long budget;

	private IterationEnumeration(IrFor loop, Access source, Access sink, long limit) {
		this.loop = loop;
		this.source = source;
		this.sink = sink;
		this.budget = limit;
	}

	/**
	 * Whether {@code source} and {@code sink} touch one element in two different iterations of
	 * {@code loop}; empty when the nest needs more than {@code limit} iterations, or when a bound, a
	 * subscript or a {@code while} depends on more than the loop variables inside {@code loop}.
	 */
	public static Optional<Boolean> conflictAcrossIterations(IrFor loop, Access source, Access sink, long limit) {
		if (source.indices() == null || sink.indices() == null) {
			return Optional.empty();
		}
		IterationEnumeration enumeration = new IterationEnumeration(loop, source, sink, limit);
		if (!enumeration.statement(loop)) {
			return Optional.empty();
		}
		return Optional.of(enumeration.conflict());
	}

	private boolean conflict() {
		for (Map.Entry<List<Long>, Set<Long>> entry : sourceIterations.entrySet()) {
			Set<Long> others = sinkIterations.get(entry.getKey());
			if (others != null) {
				Set<Long> all = new HashSet<>(entry.getValue());
				all.addAll(others);
				if (all.size() > 1) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean statement(IrStatement statement) {
		if (--budget < 0) {
			return false;
		}
		if (statement instanceof IrFor nested) {
			return forLoop(nested);
		}
		if (statement instanceof IrBlock block) {
			for (IrStatement inner : block.getStatements()) {
				if (!statement(inner)) {
					return false;
				}
			}
			return true;
		}
		if (statement instanceof IrIf branch) {
			if (!record(branch.getCondition(), source, sourceIterations) || !record(branch.getCondition(), sink, sinkIterations)) {
				return false;
			}
			OptionalLong condition = IndexValues.of(branch.getCondition(), values);
			boolean then = condition.isEmpty() || condition.getAsLong() != 0;
			boolean otherwise = condition.isEmpty() || condition.getAsLong() == 0;
			return (!then || statement(branch.getThen())) && (!otherwise || branch.getElse() == null || statement(branch.getElse()));
		}
		if (statement instanceof IrWhile) {
			return !contains(statement, source.node()) && !contains(statement, sink.node());
		}
		return record(statement, source, sourceIterations) && record(statement, sink, sinkIterations);
	}

	private boolean forLoop(IrFor nested) {
		OptionalLong lower = IndexValues.of(nested.getLower(), values);
		OptionalLong upper = IndexValues.of(nested.getUpper(), values);
		if (lower.isEmpty() || upper.isEmpty() || nested.getStep() <= 0) {
			return false;
		}
		for (long value = lower.getAsLong(); value < upper.getAsLong(); value += nested.getStep()) {
			values.put(nested.getVar(), value);
			if (!statement(nested.getBody())) {
				return false;
			}
		}
		values.remove(nested.getVar());
		return true;
	}

	/** Notes the element {@code access} touches now, when it lies in {@code scope}. */
	private boolean record(EObject scope, Access access, Map<List<Long>, Set<Long>> iterations) {
		if (!contains(scope, access.node())) {
			return true;
		}
		List<Long> element = new ArrayList<>();
		for (IrExpr index : subscripts(access)) {
			OptionalLong value = IndexValues.of(index, values);
			if (value.isEmpty()) {
				return false;
			}
			element.add(value.getAsLong());
		}
		iterations.computeIfAbsent(element, e -> new HashSet<>()).add(values.get(loop.getVar()));
		return true;
	}

	private static List<IrExpr> subscripts(Access access) {
		if (access.node() instanceof IrLoad load) {
			return load.getIndices();
		}
		if (access.node() instanceof IrStore store) {
			return store.getIndices();
		}
		return List.of();
	}

	private static boolean contains(EObject container, EObject node) {
		for (EObject at = node; at != null; at = at.eContainer()) {
			if (at == container) {
				return true;
			}
		}
		return false;
	}
}
