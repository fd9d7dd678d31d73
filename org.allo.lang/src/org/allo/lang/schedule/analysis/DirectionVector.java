package org.allo.lang.schedule.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One feasible relation between the source's and the sink's iterations, one entry per loop the
 * two accesses share (outermost first): the direction, and the distance (sink minus source) when
 * the subscripts fix it, else null.
 */
public record DirectionVector(List<Direction> directions, List<Long> distances) {

	/** The first loop level whose direction is not {@code =}, or -1 when every level is {@code =}. */
	public int carryingLevel() {
		for (int level = 0; level < directions.size(); level++) {
			if (directions.get(level) != Direction.EQ) {
				return level;
			}
		}
		return -1;
	}

	/** True when the first non-{@code =} direction is {@code <}: the source runs first. */
	public boolean isLexicographicallyPositive() {
		int level = carryingLevel();
		return level >= 0 && directions.get(level) == Direction.LT;
	}

	public DirectionVector reversed() {
		List<Long> negated = new ArrayList<>();
		for (Long distance : distances) {
			negated.add(distance == null ? null : -distance);
		}
		return new DirectionVector(directions.stream().map(Direction::reversed).toList(), negated);
	}

	/** The vector with its levels in the order {@code order} lists them (order[k] = old level at new position k). */
	public DirectionVector permuted(int[] order) {
		List<Direction> newDirections = new ArrayList<>();
		List<Long> newDistances = new ArrayList<>();
		for (int level : order) {
			newDirections.add(directions.get(level));
			newDistances.add(distances.get(level));
		}
		return new DirectionVector(newDirections, newDistances);
	}

	@Override
	public String toString() {
		List<String> entries = new ArrayList<>();
		for (int level = 0; level < directions.size(); level++) {
			Long distance = distances.get(level);
			entries.add(distance != null && distance != 0 ? String.valueOf(distance) : directions.get(level).toString());
		}
		return entries.stream().collect(Collectors.joining(", ", "(", ")"));
	}
}
