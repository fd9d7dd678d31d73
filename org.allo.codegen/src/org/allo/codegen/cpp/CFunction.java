package org.allo.codegen.cpp;

import java.util.List;

/** A C++ function; function pragmas (interface, dataflow, inline, array partitions of ports) open its body. */
public record CFunction(CType result, String name, List<CParam> params, List<CStmt> body) {
}
