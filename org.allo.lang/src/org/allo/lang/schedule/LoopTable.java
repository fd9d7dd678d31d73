package org.allo.lang.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.Argument;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.ForStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.LoopVar;
import org.allo.lang.allo.Statement;
import org.allo.lang.allo.StringLiteral;
import org.allo.lang.allo.Suite;
import org.eclipse.emf.ecore.EObject;

/**
 * The loops of one kernel and the bands they form, named as Allo names them: a band is a
 * perfect nest of loops; it is called after {@code allo.grid(..., name=...)} when given, else
 * {@code S_<loop names>_<band number>}.
 */
public final class LoopTable {

	/** One loop: its induction variable and the band it belongs to. */
	public record Loop(String name, LoopVar var, String band) {
	}

	private final FunctionDef kernel;
	private final List<Loop> loops = new ArrayList<>();
	private final Map<String, EObject> bands = new LinkedHashMap<>();

	private LoopTable(FunctionDef kernel) {
		this.kernel = kernel;
	}

	public static LoopTable of(FunctionDef kernel) {
		LoopTable table = new LoopTable(kernel);
		if (kernel.getBody() != null) {
			table.scan(kernel.getBody());
		}
		return table;
	}

	public FunctionDef kernel() {
		return kernel;
	}

	public List<Loop> loops() {
		return loops;
	}

	public Map<String, EObject> bands() {
		return bands;
	}

	private void scan(Suite suite) {
		for (Statement statement : suite.getStatements()) {
			if (statement instanceof ForStmt loop) {
				scanBand(loop);
			} else {
				for (EObject child : statement.eContents()) {
					if (child instanceof Suite inner && !(statement instanceof FunctionDef)) {
						scan(inner);
					}
				}
			}
		}
	}

	/** Collects the perfect nest starting at {@code outer}, then scans what lies below it. */
	private void scanBand(ForStmt outer) {
		List<ForStmt> nest = new ArrayList<>();
		ForStmt current = outer;
		while (true) {
			nest.add(current);
			Suite body = current.getBody();
			if (body != null && body.getStatements().size() == 1 && body.getStatements().get(0) instanceof ForStmt inner) {
				current = inner;
			} else {
				break;
			}
		}
		List<String> names = new ArrayList<>();
		for (ForStmt loop : nest) {
			for (LoopVar var : loop.getVars()) {
				names.add(var.getName());
			}
		}
		String band = explicitName(outer);
		if (band == null) {
			band = "S_" + String.join("_", names) + "_" + bands.size();
		}
		bands.putIfAbsent(band, outer);
		for (ForStmt loop : nest) {
			for (LoopVar var : loop.getVars()) {
				loops.add(new Loop(var.getName(), var, band));
			}
		}
		if (current.getBody() != null) {
			scan(current.getBody());
		}
		if (current.getElse() != null) {
			scan(current.getElse());
		}
	}

	private static String explicitName(ForStmt loop) {
		if (loop.getIterable() instanceof CallExpr call) {
			for (Argument argument : call.getArgs()) {
				if ("name".equals(argument.getKeyword()) && argument.getValue() instanceof StringLiteral name) {
					return name.getValue();
				}
			}
		}
		return null;
	}
}
