package org.allo.lang.scoping;

import org.allo.lang.allo.Referable;

/** A name bound by the statement at {@code index} of a block (or by a loop, parameter, import). */
public record Binding(String name, Referable target, int index) {
}
