package org.allo.lang.verify;

import org.allo.lang.ir.IrType;

/**
 * One output of a symbolic run: a returned value or the final contents of a parameter buffer,
 * with one term per element (row-major).
 */
public record SymbolicOutput(String label, IrType element, long[] shape, int[] terms) {
}
