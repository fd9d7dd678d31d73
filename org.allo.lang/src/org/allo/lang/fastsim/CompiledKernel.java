package org.allo.lang.fastsim;

/**
 * The superclass of the classes fast mode generates: the counters the interpreter keeps per call, which
 * the generated methods update. Public because the generated classes live in their own class loader.
 */
public abstract class CompiledKernel {

	/** Statements and loop iterations executed since the call from outside began (Interpreter.steps()). */
	public long steps;
	public long maxSteps;
	/** The nesting of calls, the outside call being 1. */
	public int depth;
}
