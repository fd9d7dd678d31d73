package org.allo.lang.verify;

/**
 * An operation the checker treats as an uninterpreted function: {@code name} with the types that fix
 * its semantics (result and operand types, printed), so two applications are equal exactly when the
 * operation, the types and the operand terms are. {@code commutative} operations have their operands
 * sorted by id.
 */
public record Operation(String name, String types, boolean commutative) {
}
