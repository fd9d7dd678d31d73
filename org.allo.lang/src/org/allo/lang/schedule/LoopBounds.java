package org.allo.lang.schedule;

import java.util.ArrayList;
import java.util.List;

import org.allo.lang.allo.Argument;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.ForStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.LoopVar;
import org.allo.lang.layout.ConstantInts;
import org.allo.lang.scoping.Names;

/** Constant bounds of a loop variable: {@code range(...)}, {@code allo.grid(...)}, {@code allo.reduction(...)}. */
public record LoopBounds(int lower, int upper, int step) {

	/** How many iterations the loop runs. */
	public int tripCount() {
		return Math.max(0, Math.floorDiv(upper - lower + step - 1, step));
	}

	/** The bounds of {@code var} in {@code loop}; null when they are not compile-time constants. */
	public static LoopBounds of(ForStmt loop, LoopVar var) {
		if (!(loop.getIterable() instanceof CallExpr call) || !(Names.targetOf(call.getCallee()) instanceof FunctionDef maker)) {
			return null;
		}
		List<Expr> positional = new ArrayList<>();
		for (Argument argument : call.getArgs()) {
			if (argument.getKeyword() == null && !argument.isStar()) {
				positional.add(argument.getValue());
			}
		}
		if ("range".equals(maker.getName()) && loop.getVars().size() == 1 && !positional.isEmpty() && positional.size() <= 3) {
			Integer[] values = positional.stream().map(ConstantInts::valueOf).toArray(Integer[]::new);
			for (Integer value : values) {
				if (value == null) {
					return null;
				}
			}
			return switch (values.length) {
			case 1 -> new LoopBounds(0, values[0], 1);
			case 2 -> new LoopBounds(values[0], values[1], 1);
			default -> values[2] > 0 ? new LoopBounds(values[0], values[1], values[2]) : null;
			};
		}
		int index = loop.getVars().indexOf(var);
		if (("grid".equals(maker.getName()) || "reduction".equals(maker.getName())) && index < positional.size()) {
			Integer extent = ConstantInts.valueOf(positional.get(index));
			return extent == null ? null : new LoopBounds(0, extent, 1);
		}
		return null;
	}
}
