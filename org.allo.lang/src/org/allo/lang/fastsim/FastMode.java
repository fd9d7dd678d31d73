package org.allo.lang.fastsim;

import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.interpreter.Simulator;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;

/**
 * Fast mode: the module compiled to JVM bytecode, so that simulation runs at JIT speed, with the same
 * results and errors as the reference {@link Interpreter}, bit for bit. A module the compiler cannot
 * compile exactly runs in the interpreter instead, and {@link Choice#fallbackReason()} says why.
 */
public final class FastMode {

	private FastMode() {
	}

	/** The simulator {@code allo sim} runs: what ran and, for the interpreter, why. */
	public record Choice(Simulator simulator, String fallbackReason) {

		public boolean isFast() {
			return fallbackReason == null;
		}

		/** "fast", or "interpreter (fast mode: REASON)" for the summary of {@code allo sim}. */
		public String describe() {
			return isFast() ? "fast" : "interpreter (fast mode: " + fallbackReason + ")";
		}
	}

	/** The compiled module, or the interpreter with the reason fast mode could not compile it. */
	public static Choice prepare(IrModule module, long maxSteps) {
		if (module.getFunctions().stream().anyMatch(IrFunction::isRegion)) {
			return new Choice(new Interpreter(module, maxSteps),
					"dataflow regions run their kernel instances concurrently, which only the interpreter's scheduler does");
		}
		try {
			ModuleCompiler compiler = new ModuleCompiler(module);
			byte[] bytes = compiler.compile();
			Class<?> compiled = new KernelClassLoader().define(compiler.layout().className, bytes);
			FastSimulator simulator = new FastSimulator(compiler.layout(), compiled);
			simulator.setMaxSteps(maxSteps);
			return new Choice(simulator, null);
		} catch (Unsupported unsupported) {
			return new Choice(new Interpreter(module, maxSteps), unsupported.getMessage());
		} catch (ReflectiveOperationException e) {
			throw new IllegalStateException("the class compiled from the module cannot be instantiated", e);
		}
	}
}
