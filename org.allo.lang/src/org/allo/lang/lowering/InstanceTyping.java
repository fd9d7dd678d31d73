package org.allo.lang.lowering;

import java.math.BigInteger;
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
 * template parameters bound (empty for a plain kernel), so every type the IR gets is concrete.
 */
final class InstanceTyping {

	private final TypeComputer computer;
	private final ConstantEvaluator constants;
	private final Map<TypeParam, Object> binding;

	InstanceTyping(TypeComputer computer, ConstantEvaluator constants, Map<TypeParam, Object> binding) {
		this.computer = computer;
		this.constants = constants;
		this.binding = binding;
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
		return constants.evaluate(expr, binding);
	}

	BigInteger integer(Expr expr) {
		return constants.integer(expr, binding);
	}
}
