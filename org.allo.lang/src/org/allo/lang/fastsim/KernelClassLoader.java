package org.allo.lang.fastsim;

/**
 * Defines the classes fast mode generates. Its parent is this bundle's class loader, so generated code
 * sees fast mode's runtime classes (CompiledKernel, FastOps, StreamQueues) and the interpreter's.
 */
final class KernelClassLoader extends ClassLoader {

	KernelClassLoader() {
		super(KernelClassLoader.class.getClassLoader());
	}

	Class<?> define(String internalName, byte[] bytes) {
		return defineClass(internalName.replace('/', '.'), bytes, 0, bytes.length);
	}
}
