package org.allo.lang.fastsim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.IrVar;
import org.objectweb.asm.MethodVisitor;

/**
 * What the emitters of one function share: the method being written, the JVM local of each variable and
 * local buffer, which of them are certainly assigned at the current point (a block's declarations end with
 * the block), the ranges of counted loop variables, and the source line errors are reported at.
 */
final class MethodContext {

	final MethodVisitor method;
	final ModuleLayout layout;
	final IrFunction function;
	final Conversions conversions;
	/** The local holding the step counter while the method runs (this.steps between calls). */
	final int stepsSlot;
	final int maxStepsSlot;
	/** The line of the innermost statement with one: the line the interpreter reports errors at. */
	int line;
	private int nextSlot;
	private final Map<IrValue, Integer> slots = new HashMap<>();
	private Set<IrValue> assigned = new HashSet<>();
	private final Map<IrVar, long[]> loopRanges = new HashMap<>();

	MethodContext(MethodVisitor method, ModuleLayout layout, IrFunction function, int firstFreeSlot) {
		this.method = method;
		this.layout = layout;
		this.function = function;
		this.conversions = new Conversions(method);
		this.nextSlot = firstFreeSlot;
		this.stepsSlot = newSlot(2);
		this.maxStepsSlot = newSlot(2);
	}

	int newSlot(int size) {
		int slot = nextSlot;
		nextSlot += size;
		return slot;
	}

	/** The local of a variable or buffer, allocated on first use. */
	int slotOf(IrValue value, int size) {
		return slots.computeIfAbsent(value, v -> newSlot(size));
	}

	void bindParameter(IrValue value, int slot) {
		slots.put(value, slot);
		assigned.add(value);
	}

	void assign(IrValue value) {
		assigned.add(value);
	}

	boolean isAssigned(IrValue value) {
		return assigned.contains(value);
	}

	/** Starts a block; pass the result to {@link #leaveScope}. */
	Set<IrValue> enterScope() {
		Set<IrValue> outer = assigned;
		assigned = new HashSet<>(outer);
		return outer;
	}

	void leaveScope(Set<IrValue> outer) {
		assigned = outer;
	}

	/** A loop variable takes only values in [min, max] while its loop runs. */
	void setLoopRange(IrVar var, long[] range) {
		if (range == null) {
			loopRanges.remove(var);
		} else {
			loopRanges.put(var, range);
		}
	}

	long[] loopRange(IrVar var) {
		return loopRanges.get(var);
	}
}
