package org.allo.codegen.kernel;

import java.util.List;

import org.allo.codegen.cpp.CExpr;
import org.allo.codegen.cpp.CStmt;

/**
 * What only the workbench's C simulation compiles: its {@code hls_stream.h} defines
 * {@code ALLO_THREADED_DATAFLOW} and {@code allo_csim}, AMD's does not. Under that macro the processes of a
 * dataflow region run in threads, because in sequence a feedback design would read a stream its writer fills
 * only later; elsewhere (Vitis synthesis, csim against AMD's headers) the same code is the plain call list.
 */
final class ThreadedCsim {

	static final String MACRO = "ALLO_THREADED_DATAFLOW";

	private ThreadedCsim() {
	}

	/** Names the elements of a stream array {@code v[0][1]}, … for csim's messages (arrays have no named constructor). */
	static CStmt nameStreams(String variable) {
		CExpr call = new CExpr.Call("allo_csim::nameStreams", List.of(new CExpr.Name(variable), new CExpr.Literal("\"" + variable + "\"")));
		return new CStmt.IfDefined(MACRO, List.of(new CStmt.ExprStmt(call)), List.of());
	}

	/** The processes of one dataflow call: concurrent in the workbench's csim, the call list otherwise. */
	static CStmt processes(List<CExpr> calls) {
		List<CStmt> sequential = calls.stream().<CStmt>map(CStmt.ExprStmt::new).toList();
		return new CStmt.IfDefined(MACRO, List.of(new CStmt.Concurrent("allo_csim::dataflow", calls)), sequential);
	}
}
