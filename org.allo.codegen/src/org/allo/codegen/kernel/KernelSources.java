package org.allo.codegen.kernel;

import org.allo.codegen.cpp.CFunction;
import org.allo.lang.ir.IrFunction;

/** The generated design: the IR top, its C++ signature, and the texts of kernel.cpp and kernel.h. */
public record KernelSources(IrFunction top, CFunction topFunction, String kernelCpp, String kernelH) {
}
