package org.allo.lang.lowering;

import java.util.List;

import org.allo.lang.allo.Expr;
import org.allo.lang.allo.VarDecl;

/**
 * One put or get of a region's stream by a kernel instance, as the lowering resolved it: the
 * declaration, the FIFO's indices in a stream array ([] for a single stream), the instance's
 * function name, and the receiver expression in the source (where a diagnostic points).
 */
public record StreamUse(VarDecl stream, List<Long> indices, String instance, boolean put, Expr site) {

	/** The FIFO as the source writes it: {@code fifo_A[1, 2]} or {@code merged}. */
	public String fifo() {
		return stream.getName() + (indices.isEmpty() ? "" : indices.toString());
	}
}
