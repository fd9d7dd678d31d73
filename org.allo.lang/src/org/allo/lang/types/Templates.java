package org.allo.lang.types;

import org.allo.lang.scoping.Names;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.Expr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.StringLiteral;
import org.allo.lang.allo.SubscriptExpr;
import org.allo.lang.allo.TupleExpr;
import org.allo.lang.allo.TypeParam;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * PEP 695 templates ({@code def f[T: (int32, float32), M: int32](...)}): which parameters are
 * types and which are values, their constraints, the binding an instantiation makes
 * ({@code instantiate=[...]}, {@code f[float32, 4](...)}), and the binding a call to a library
 * kernel implies (unifying parameter annotations with argument types).
 */
@Singleton
public class Templates {

	@Inject
	private ConstantEvaluator constants;

	/** Whether the parameter stands for a type: constrained to a tuple of types or to a type class, or unconstrained. */
	public boolean isTypeParam(TypeParam param) {
		Expr bound = param.getBound();
		return bound == null || bound instanceof TupleExpr || isTypeClass(bound);
	}

	private boolean isTypeClass(Expr bound) {
		return Names.targetOf(bound) instanceof FunctionDef function && constants.isTypeConstructor(function);
	}

	public TypeVar typeVar(TypeParam param) {
		List<Type> constraints = new ArrayList<>();
		if (param.getBound() instanceof TupleExpr tuple) {
			for (Expr element : tuple.getElements()) {
				if (constants.evaluate(element, Map.of()) instanceof Type type) {
					constraints.add(type);
				}
			}
		}
		return new TypeVar(param.getName(), constraints);
	}

	/** The instance id of a call {@code f[T, 4, "id"](...)}: its last template argument when that is a string; else null. */
	public static String instanceId(CallExpr call) {
		if (call.getCallee() instanceof SubscriptExpr template && !template.getIndices().isEmpty()
				&& template.getIndices().get(template.getIndices().size() - 1) instanceof StringLiteral id) {
			return id.getValue();
		}
		return null;
	}

	/** Template arguments without the optional trailing instance id ({@code f[int32, 5, "v5"]}). */
	public static List<Expr> withoutInstanceId(List<Expr> arguments) {
		if (!arguments.isEmpty() && arguments.get(arguments.size() - 1) instanceof StringLiteral) {
			return arguments.subList(0, arguments.size() - 1);
		}
		return arguments;
	}

	/** The binding explicit arguments make, in type-parameter order; arguments that are not constant stay unbound. */
	public Map<TypeParam, Object> bindExplicit(FunctionDef template, List<Expr> arguments, Map<TypeParam, Object> env) {
		List<Expr> values = withoutInstanceId(arguments);
		Map<TypeParam, Object> binding = new HashMap<>();
		for (int i = 0; i < Math.min(values.size(), template.getTypeParams().size()); i++) {
			Object value = constants.evaluate(values.get(i), env);
			if (value != null) {
				binding.put(template.getTypeParams().get(i), value);
			}
		}
		return binding;
	}

	/**
	 * The binding implied by a call without explicit arguments: a parameter annotated
	 * {@code "T[M, K]"} and an argument of type {@code float32[4, 8]} bind T = float32, M = 4, K = 8.
	 */
	public Map<TypeParam, Object> infer(FunctionDef template, List<Type> argumentTypes) {
		return unifyAll(template, argumentTypes, new ArrayList<>());
	}

	/**
	 * Where the arguments of a call disagree about a parameter, e.g. {@code allo.matmul(A, B)}
	 * with {@code A: float32[4, 8]} and {@code B: float32[4, 2]} gives K = 8 and K = 4.
	 */
	public List<Conflict> inferenceConflicts(FunctionDef template, List<Type> argumentTypes) {
		List<Conflict> conflicts = new ArrayList<>();
		unifyAll(template, argumentTypes, conflicts);
		return conflicts;
	}

	/** Two arguments binding one parameter differently; {@code ofType} when the parameter is a type. */
	public record Conflict(String message, boolean ofType) {
	}

	private Map<TypeParam, Object> unifyAll(FunctionDef template, List<Type> argumentTypes, List<Conflict> conflicts) {
		Map<TypeParam, Object> binding = new HashMap<>();
		Map<TypeParam, String> boundBy = new HashMap<>();
		List<Param> params = template.getParams();
		for (int i = 0; i < Math.min(params.size(), argumentTypes.size()); i++) {
			new Unification(binding, boundBy, conflicts, params.get(i).getName()).unify(params.get(i).getType(),
					argumentTypes.get(i));
		}
		return binding;
	}

	/** Binding the parameters one argument mentions; the first argument to bind a parameter wins. */
	private record Unification(Map<TypeParam, Object> binding, Map<TypeParam, String> boundBy, List<Conflict> conflicts,
			String argument) {

		void unify(Expr annotation, Type type) {
			if (annotation instanceof SubscriptExpr subscript && type instanceof TensorType tensor) {
				unify(subscript.getTarget(), tensor.element());
				if (subscript.getIndices().size() == tensor.rank()) {
					for (int d = 0; d < tensor.rank(); d++) {
						Dim dim = tensor.shape().get(d);
						if (dim.isKnown()) {
							bind(subscript.getIndices().get(d), BigInteger.valueOf(dim.size()));
						}
					}
				}
			} else if (type.isNumeric()) {
				bind(annotation, type);
			}
		}

		private void bind(Expr annotation, Object value) {
			if (annotation instanceof NameRef name && name.getRef() instanceof TypeParam param) {
				Object earlier = binding.putIfAbsent(param, value);
				if (earlier == null) {
					boundBy.put(param, argument);
				} else if (!earlier.equals(value)) {
					conflicts.add(new Conflict(param.getName() + " is " + show(earlier) + " from " + boundBy.get(param)
							+ " but " + show(value) + " from " + argument, value instanceof Type));
				}
			}
		}
	}

	/**
	 * Why {@code value} cannot instantiate {@code param}, or null when it can: a type parameter needs
	 * a type that meets its constraint, a value parameter a compile-time value of its type.
	 */
	public String violation(TypeParam param, Object value) {
		if (value == null) {
			return null;
		}
		Expr bound = param.getBound();
		if (bound == null) {
			return null;
		}
		if (isTypeParam(param)) {
			if (!(value instanceof Type type)) {
				return "type parameter " + param.getName() + " needs a type, not " + show(value);
			}
			if (bound instanceof TupleExpr) {
				List<Type> allowed = typeVar(param).constraints();
				return allowed.contains(type) ? null
						: "type " + type.display() + " does not satisfy " + param.getName() + ": " + allowed.stream()
								.map(Type::display).collect(java.util.stream.Collectors.joining(", ", "(", ")"));
			}
			Referable typeClass = Names.targetOf(bound);
			return typeClass instanceof FunctionDef function && classOf(type).equals(function.getName()) ? null
					: "type " + type.display() + " does not satisfy " + param.getName() + ": " + TypeComputer.textOf(bound).trim();
		}
		if (value instanceof Type type) {
			return "parameter " + param.getName() + " needs a value, not the type " + type.display();
		}
		return null;
	}

	private static String classOf(Type type) {
		if (type instanceof IntType i) {
			return i.signed() ? "Int" : "UInt";
		} else if (type instanceof FixedType f) {
			return f.signed() ? "Fixed" : "UFixed";
		} else if (type instanceof FloatType) {
			return "Float";
		}
		return "Index";
	}

	private static String show(Object value) {
		if (value instanceof Type type) {
			return type.display();
		}
		return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
	}
}
