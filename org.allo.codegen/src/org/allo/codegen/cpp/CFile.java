package org.allo.codegen.cpp;

import java.util.List;

/**
 * A C++ source file: includes, helper definitions (verbatim C++ the generator owns, such as the bfloat16
 * rounding function), file-scope state (Allo's Stateful values), functions, of which those named in
 * {@code externC} get C linkage.
 */
public record CFile(String banner, List<String> includes, List<String> helpers, List<CStmt.Declare> globals,
		List<CFunction> functions, List<String> externC) {
}
