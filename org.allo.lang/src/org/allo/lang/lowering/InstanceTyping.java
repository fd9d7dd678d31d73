package org.allo.lang.lowering;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

import org.allo.lang.allo.Expr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.TypeParam;
import org.allo.lang.types.ConstantEvaluator;
import org.allo.lang.types.Type;
import org.allo.lang.types.TypeComputer;

/**
 * Types and compile-time values inside one instance of a kernel: the checker's answers with the
 * template parameters bound (empty for a plain kernel), so every type the IR gets is concrete, and
 * the compile-time names of a dataflow instance (PE coordinates, meta_for variables) folded.
 */
final class InstanceTyping {

	private final TypeComputer computer;
	private final ConstantEvaluator constants;
	private final Map<TypeParam, Object> binding;
	private final Map<Referable, Object> known;

	InstanceTyping(TypeComputer computer, ConstantEvaluator constants, Map<TypeParam, Object> binding) {
		this(computer, constants, binding, Map.of());
	}

	/** {@code coordinates} binds the names of a dataflow kernel instance's {@code df.get_pid()}. */
	InstanceTyping(TypeComputer computer, ConstantEvaluator constants, Map<TypeParam, Object> binding,
			Map<Referable, Object> coordinates) {
		this.computer = computer;
		this.constants = constants;
		this.binding = binding;
		this.known = new HashMap<>(binding);
		this.known.putAll(coordinates);
	}

	/** Binds a {@code meta_for} variable for one unrolled copy of its body; null unbinds it. */
	void bind(Referable name, Object value) {
		if (value == null) {
			known.remove(name);
		} else {
			known.put(name, value);
		}
	}

	/** The compile-time names of the instance with their values. */
	Map<Referable, Object> known() {
		return known;
	}

	Map<TypeParam, Object> binding() {
		return binding;
	}

	Type typeOf(Expr expr) {
		return computer.typeOf(expr, binding);
	}

	Type typeOf(Referable referable) {
		return computer.typeOf(referable, binding);
	}

	Type denotedType(Expr annotation) {
		return computer.denotedType(annotation, binding);
	}

	Type returnType(FunctionDef kernel) {
		return computer.returnType(kernel, binding);
	}

	Object valueOf(Expr expr) {
		return constants.evaluate(expr, known);
	}

	BigInteger integer(Expr expr) {
		return constants.integer(expr, known);
	}
}
