package org.allo.lang.schedule.analysis;

import java.util.List;
import java.util.stream.Collectors;

import org.allo.lang.ir.IrFor;

/**
 * A dependence from {@code source} to {@code sink} (the source runs first), with the direction
 * vectors over the loops both share under which it exists.
 *
 * @param loops the loops around both accesses inside the analysed region, outermost first
 * @param vectors every feasible vector, each lexicographically positive or all {@code =}
 * @param reduction true when it only links the read and the write of one accumulation
 *        {@code x = x op e} and every loop that carries it is a reduction loop
 *        ({@code allo.reduction}): reordering or parallelising such a loop only re-associates
 *        the accumulation
 */
public record Dependence(Access source, Access sink, Kind kind, List<IrFor> loops, List<DirectionVector> vectors,
		boolean reduction) {

	/** Direction vectors a message lists before it summarises the rest. */
	private static final int SHOWN_VECTORS = 3;

	/** Write then read (true), read then write (anti), write then write (output). */
	public enum Kind {
		FLOW, ANTI, OUTPUT;

		@Override
		public String toString() {
			return name().toLowerCase();
		}
	}

	/** Whether some vector is carried by {@code loop}: its first non-{@code =} direction is at that loop. */
	public boolean carriedBy(IrFor loop) {
		int level = loops.indexOf(loop);
		return level >= 0 && vectors.stream().anyMatch(vector -> vector.carryingLevel() == level);
	}

	/** "flow dependence from C[i, j] (line 9) to C[i, j] (line 9), distance (0, 1) over (i, j)". */
	public String describe() {
		String over = loops.stream().map(IrFor::getLoopName).collect(Collectors.joining(", ", "(", ")"));
		List<String> distinct = vectors.stream().map(DirectionVector::toString).distinct().toList();
		String vectorText = distinct.size() <= SHOWN_VECTORS ? String.join(" or ", distinct)
				: String.join(" or ", distinct.subList(0, SHOWN_VECTORS)) + " or " + (distinct.size() - SHOWN_VECTORS) + " more";
		return kind + " dependence from " + source.describe() + " (line " + source.line() + ") to " + sink.describe() + " (line "
				+ sink.line() + ")" + (loops.isEmpty() ? "" : ", direction " + vectorText + " over " + over);
	}
}
