package org.allo.lang.schedule.analysis;

/** How the sink's iteration of one loop relates to the source's: later, the same, or earlier. */
public enum Direction {
	LT("<"), EQ("="), GT(">");

	private final String symbol;

	Direction(String symbol) {
		this.symbol = symbol;
	}

	public Direction reversed() {
		return switch (this) {
		case LT -> GT;
		case GT -> LT;
		case EQ -> EQ;
		};
	}

	@Override
	public String toString() {
		return symbol;
	}
}
