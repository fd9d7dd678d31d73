package org.allo.codegen.cpp;

import java.util.List;

/** A C++ statement of the generated code. */
public sealed interface CStmt {

	/** {@code [static] T name[d0][d1] [= init];} */
	record Declare(CType type, String name, List<Long> dims, CExpr init, boolean isStatic) implements CStmt {
	}

	/** {@code T name(args);}: an object built by a constructor, such as a named {@code hls::stream}. */
	record Construct(CType type, String name, List<CExpr> args) implements CStmt {
	}

	record ExprStmt(CExpr expr) implements CStmt {
	}

	/**
	 * {@code label: for (T var = lower; var < upper; var += step) { pragmas… body… }}; a negative step counts
	 * down with {@code >}. Loop pragmas are the first lines of the body, where Vitis expects them.
	 */
	record For(String label, CType varType, String var, CExpr lower, CExpr upper, long step, List<String> pragmas,
			List<CStmt> body) implements CStmt {
	}

	record While(CExpr condition, List<CStmt> body) implements CStmt {
	}

	/** otherwise is empty when there is no else branch. */
	record If(CExpr condition, List<CStmt> then, List<CStmt> otherwise) implements CStmt {
	}

	/** value is null in a void function. */
	record Return(CExpr value) implements CStmt {
	}

	/** {@code #pragma HLS text} */
	record Pragma(String text) implements CStmt {
	}

	record Comment(String text) implements CStmt {
	}

	/** {@code #ifdef macro … #else … #endif}; otherwise is empty when there is no else branch. */
	record IfDefined(String macro, List<CStmt> then, List<CStmt> otherwise) implements CStmt {
	}

	/** {@code runner({[&] { call0; }, [&] { call1; }, …});}: the calls as lambdas handed to one runtime function. */
	record Concurrent(String runner, List<CExpr> calls) implements CStmt {
	}
}
