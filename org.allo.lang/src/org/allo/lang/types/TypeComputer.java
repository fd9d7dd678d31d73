package org.allo.lang.types;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.allo.lang.allo.Argument;
import org.allo.lang.allo.BinaryExpr;
import org.allo.lang.allo.BoolLiteral;
import org.allo.lang.allo.BraceExpr;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.CompareExpr;
import org.allo.lang.allo.ConditionalExpr;
import org.allo.lang.allo.EllipsisLiteral;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.ExprStmt;
import org.allo.lang.allo.FloatLiteral;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.ImportStmt;
import org.allo.lang.allo.ImportedName;
import org.allo.lang.allo.IntLiteral;
import org.allo.lang.allo.ListExpr;
import org.allo.lang.allo.LoopVar;
import org.allo.lang.allo.MemberExpr;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.NoneLiteral;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.SliceExpr;
import org.allo.lang.allo.StringLiteral;
import org.allo.lang.allo.SubscriptExpr;
import org.allo.lang.allo.TupleExpr;
import org.allo.lang.allo.TypeParam;
import org.allo.lang.allo.UnaryExpr;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.scoping.Members;
import org.allo.lang.scoping.Names;
import org.allo.lang.scoping.Stdlib;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Computes types of expressions and declarations under a template binding (template parameter →
 * value). With an empty binding a template's parameters stay symbolic ({@link TypeVar}, symbolic
 * {@link Dim}s). Callers outside this package use {@link TypeService}, which caches.
 */
@Singleton
public class TypeComputer {

	@Inject
	private ConstantEvaluator constants;

	@Inject
	private Stdlib stdlib;

	@Inject
	private Templates templates;

	@Inject
	private IResourceScopeCache cache;

	/** The type of {@code expr}; {@link UnknownType} after an error. */
	public Type typeOf(Expr expr, Map<TypeParam, Object> env) {
		return new Computation(env).type(expr);
	}

	/** The type of the value a declaration binds (a variable, parameter, loop variable, constant). */
	public Type typeOf(Referable referable, Map<TypeParam, Object> env) {
		return new Computation(env).referable(referable);
	}

	/** The type an annotation denotes ({@code int32[M, N]}, {@code "T[M]"}, {@code Stream[T, 4][P]}). */
	public Type denotedType(Expr annotation, Map<TypeParam, Object> env) {
		return new Computation(env).denoted(annotation);
	}

	/** The type a call returns ({@code -> T[M, N]} with the binding of this call); None without {@code ->}. */
	public Type returnType(FunctionDef function, Map<TypeParam, Object> binding) {
		return function.getReturnType() == null ? NoneType.INSTANCE : denotedType(function.getReturnType(), binding);
	}

	/** The type of a compile-time value used as an expression. */
	static Type typeOfValue(Object value) {
		if (value instanceof BigInteger) {
			return IntType.INT32;
		} else if (value instanceof Double) {
			return FloatType.FLOAT32;
		} else if (value instanceof Boolean) {
			return IntType.BOOL;
		} else if (value instanceof String) {
			return OpaqueType.STRING;
		} else if (value instanceof Type type) {
			return new MetaType(type);
		}
		return OpaqueType.LIST;
	}

	/** The source text of an expression, for symbolic dimensions and messages. */
	public static String textOf(EObject object) {
		ICompositeNode node = NodeModelUtils.getNode(object);
		return node == null ? "?" : NodeModelUtils.getTokenText(node);
	}

	/** One computation: the binding and the declarations being typed (a cycle gives unknown, not a stack overflow). */
	private final class Computation {

		private final Map<TypeParam, Object> env;
		private final Set<EObject> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

		Computation(Map<TypeParam, Object> env) {
			this.env = env;
		}

		/** Without a binding, types of sub-expressions are shared through the resource's cache (validators ask for each). */
		Type type(Expr expr) {
			if (expr == null || inProgress.contains(expr)) {
				return UnknownType.INSTANCE;
			}
			if (env.isEmpty() && expr.eResource() != null) {
				return cache.get(Tuples.pair(TypeComputer.class, expr), expr.eResource(), () -> guarded(expr));
			}
			return guarded(expr);
		}

		private Type guarded(Expr expr) {
			inProgress.add(expr);
			try {
				return compute(expr);
			} finally {
				inProgress.remove(expr);
			}
		}

		private Type compute(Expr expr) {
			if (expr instanceof IntLiteral) {
				return IntType.INT32;
			} else if (expr instanceof FloatLiteral) {
				return FloatType.FLOAT32;
			} else if (expr instanceof BoolLiteral) {
				return IntType.BOOL;
			} else if (expr instanceof StringLiteral) {
				return OpaqueType.STRING;
			} else if (expr instanceof NoneLiteral) {
				return NoneType.INSTANCE;
			} else if (expr instanceof NameRef name) {
				return referable(name.getRef());
			} else if (expr instanceof MemberExpr member) {
				return member(member);
			} else if (expr instanceof CallExpr call) {
				return call(call);
			} else if (expr instanceof SubscriptExpr subscript) {
				return subscript(subscript);
			} else if (expr instanceof BinaryExpr binary) {
				return orUnknown(TypeRules.binary(binary.getOp(), type(binary.getLeft()), type(binary.getRight())));
			} else if (expr instanceof UnaryExpr unary) {
				return orUnknown(TypeRules.unary(unary.getOp(), type(unary.getOperand())));
			} else if (expr instanceof CompareExpr) {
				return IntType.BOOL;
			} else if (expr instanceof ConditionalExpr conditional) {
				return orUnknown(TypeRules.select(type(conditional.getThen()), type(conditional.getElse())));
			} else if (expr instanceof TupleExpr tuple) {
				List<Type> elements = new ArrayList<>();
				tuple.getElements().forEach(e -> elements.add(type(e)));
				return new TupleType(elements);
			} else if (expr instanceof ListExpr || expr instanceof BraceExpr) {
				return OpaqueType.LIST;
			}
			return UnknownType.INSTANCE;
		}

		Type referable(Referable referable) {
			if (referable == null || referable.eIsProxy() || !inProgress.add(referable)) {
				return UnknownType.INSTANCE;
			}
			try {
				return computeReferable(referable);
			} finally {
				inProgress.remove(referable);
			}
		}

		private Type computeReferable(Referable referable) {
			if (referable instanceof VarDecl decl) {
				return denoted(decl.getType());
			} else if (referable instanceof Param param) {
				return param.getType() == null ? UnknownType.INSTANCE : denoted(param.getType());
			} else if (referable instanceof LoopVar) {
				return IndexType.INSTANCE;
			} else if (referable instanceof TypeParam param) {
				return typeParam(param);
			} else if (referable instanceof ImportedName imported) {
				return referable(imported.getTarget());
			} else if (referable instanceof NameRef assigned) {
				return assigned(assigned);
			} else if (referable instanceof FunctionDef function) {
				return new OpaqueType("kernel " + function.getName());
			} else if (referable instanceof ClassDef classDef) {
				return new OpaqueType("class " + classDef.getName());
			} else if (referable instanceof Module || referable instanceof ImportStmt) {
				return new OpaqueType("module");
			}
			return UnknownType.INSTANCE;
		}

		private Type typeParam(TypeParam param) {
			Object bound = env.get(param);
			if (bound != null) {
				return typeOfValue(bound) instanceof MetaType meta ? meta : valueParamType(param);
			}
			if (param.getBound() == null) {
				return templates.typeVar(param);
			}
			return templates.isTypeParam(param) ? new MetaType(templates.typeVar(param)) : valueParamType(param);
		}

		private Type valueParamType(TypeParam param) {
			Object bound = param.getBound() == null ? null : constants.evaluate(param.getBound(), Map.of());
			return bound instanceof Type type ? type : IntType.INT32;
		}

		private Type assigned(NameRef target) {
			Object constant = constants.valueOf(target, env);
			if (constant != null) {
				return typeOfValue(constant);
			}
			Expr value = Members.assignedValue(target);
			if (value != null) {
				return type(value);
			}
			EObject statement = target.eContainer();
			if (statement instanceof TupleExpr tuple && tuple.eContainer() instanceof ExprStmt assignment) {
				Type whole = type(assignment.getValue());
				if (whole instanceof TupleType elements && elements.elements().size() == tuple.getElements().size()) {
					return elements.elements().get(tuple.getElements().indexOf(target));
				}
				return whole instanceof TupleType ? UnknownType.INSTANCE : whole;
			}
			return UnknownType.INSTANCE;
		}

		private Type member(MemberExpr member) {
			String name = Names.nameOf(member.getMember());
			if (member.getMember() != null && !member.getMember().eIsProxy()
					&& stdlib.isStdlib(member.getMember().eResource()) && member.getMember().eContainer() != null
					&& member.getMember().eContainer().eContainer() instanceof ClassDef owner
					&& "Tensor".equals(owner.getName())) {
				Type receiver = type(member.getReceiver());
				if ("T".equals(name)) {
					return receiver instanceof TensorType tensor ? transposed(tensor) : orUnknownIfIndeterminate(receiver);
				}
				if ("bits".equals(name) || "fracs".equals(name)) {
					return IntType.INT32;
				}
			}
			Object constant = constants.evaluate(member, env);
			if (constant != null) {
				return typeOfValue(constant);
			}
			return referable(member.getMember());
		}

		private Type transposed(TensorType tensor) {
			List<Dim> reversed = new ArrayList<>(tensor.shape());
			Collections.reverse(reversed);
			return new TensorType(tensor.element(), reversed);
		}

		private Type call(CallExpr call) {
			Expr callee = call.getCallee();
			if (callee instanceof SubscriptExpr explicit
					&& Names.targetOf(explicit.getTarget()) instanceof FunctionDef template
					&& !template.getTypeParams().isEmpty()) {
				return returnType(template, templates.bindExplicit(template, explicit.getIndices(), env));
			}
			Referable target = Names.targetOf(callee);
			if (target instanceof FunctionDef function) {
				if (constants.isTypeConstructor(function)) {
					Object constructed = constants.evaluate(call, env);
					return constructed instanceof Type type ? new MetaType(type) : new MetaType(new TypeVar(textOf(call), List.of()));
				}
				if (stdlib.isStdlib(function.eResource()) && isStub(function)) {
					return builtinCall(function, call);
				}
				if (function.getTypeParams().isEmpty()) {
					return returnType(function, env);
				}
				Type inferred = returnType(function, templates.infer(function, argumentTypes(call)));
				// a library kernel is generic beyond its stub's signature (allo.relu takes any rank):
				// when unification leaves it open, its result is not known
				return stdlib.isStdlib(function.eResource()) && !isConcrete(inferred) ? UnknownType.INSTANCE : inferred;
			}
			Type calleeType = type(callee);
			if (calleeType instanceof MetaType cast) {
				return cast.denoted();
			}
			if (target instanceof ClassDef classDef) {
				return new OpaqueType(classDef.getName());
			}
			return calleeType.isIndeterminate() ? calleeType : UnknownType.INSTANCE;
		}

		List<Type> argumentTypes(CallExpr call) {
			List<Type> result = new ArrayList<>();
			for (Argument argument : call.getArgs()) {
				if (argument.getKeyword() == null) {
					result.add(type(argument.getValue()));
				}
			}
			return result;
		}

		/** A standard-library function whose body is {@code ...}: its meaning is built in. */
		private boolean isStub(FunctionDef function) {
			return function.getBody() != null && function.getBody().getStatements().size() == 1
					&& function.getBody().getStatements().get(0) instanceof ExprStmt statement
					&& statement.getExpr() instanceof EllipsisLiteral;
		}

		private Type builtinCall(FunctionDef function, CallExpr call) {
			List<Type> args = argumentTypes(call);
			Type first = args.isEmpty() ? UnknownType.INSTANCE : args.get(0);
			String name = function.getName();
			if (function.eContainer() instanceof Module) {
				switch (name) {
				case "float":
					return FloatType.FLOAT32;
				case "int", "len":
					return IntType.INT32;
				case "min", "max":
					return args.size() == 2 ? orUnknown(TypeRules.select(first, args.get(1))) : first;
				case "exp", "log", "log2", "log10", "sqrt", "sin", "cos", "tan", "tanh":
					return orUnknown(TypeRules.math(first));
				case "abs":
					return first;
				case "power":
					return args.size() == 2 ? orUnknown(TypeRules.binary("**", first, args.get(1))) : UnknownType.INSTANCE;
				case "get_pid":
					return IndexType.INSTANCE;
				default:
					return function.getReturnType() != null ? new OpaqueType(textOf(function.getReturnType()))
							: new OpaqueType(name);
				}
			}
			return method(name, call);
		}

		private Type method(String name, CallExpr call) {
			Type receiver = call.getCallee() instanceof MemberExpr member ? type(member.getReceiver()) : UnknownType.INSTANCE;
			switch (name) {
			case "reverse", "copy":
				return receiver;
			case "bitcast":
				return orUnknown(TypeRules.bitcast(receiver));
			case "get":
				return receiver instanceof StreamType stream ? stream.element() : UnknownType.INSTANCE;
			case "put":
				return NoneType.INSTANCE;
			case "empty", "full":
				return IntType.BOOL;
			default:
				return new OpaqueType(name);
			}
		}

		private Type subscript(SubscriptExpr subscript) {
			Type target = type(subscript.getTarget());
			if (target instanceof MetaType) {
				return new MetaType(denoted(subscript));
			}
			if (target instanceof TensorType tensor) {
				return indexTensor(tensor, subscript.getIndices());
			}
			if (TypeRules.isInteger(target) && subscript.getIndices().size() == 1) {
				return bitAccess(subscript.getIndices().get(0), TypeRules.bitsOf(target));
			}
			return target.isIndeterminate() ? target : UnknownType.INSTANCE;
		}

		private Type indexTensor(TensorType tensor, List<Expr> indices) {
			if (indices.size() > tensor.rank()) {
				return UnknownType.INSTANCE;
			}
			List<Dim> remaining = new ArrayList<>();
			for (int i = 0; i < indices.size(); i++) {
				if (indices.get(i) instanceof SliceExpr slice) {
					remaining.add(sliceLength(slice, tensor.shape().get(i)));
				}
			}
			remaining.addAll(tensor.shape().subList(indices.size(), tensor.rank()));
			return remaining.isEmpty() ? tensor.element() : new TensorType(tensor.element(), remaining);
		}

		private Dim sliceLength(SliceExpr slice, Dim whole) {
			BigInteger lower = slice.getLower() == null ? BigInteger.ZERO : constants.integer(slice.getLower(), env);
			BigInteger upper = slice.getUpper() == null ? (whole.isKnown() ? BigInteger.valueOf(whole.size()) : null)
					: constants.integer(slice.getUpper(), env);
			BigInteger step = slice.getStep() == null ? BigInteger.ONE : constants.integer(slice.getStep(), env);
			if (lower == null || upper == null || step == null || step.signum() <= 0) {
				return Dim.symbolic(textOf(slice));
			}
			BigInteger length = upper.subtract(lower).add(step).subtract(BigInteger.ONE).divide(step);
			return Dim.of(Math.max(0, length.longValue()));
		}

		/** {@code x[k]} is one bit; {@code x[lo:hi]} is {@code hi - lo} bits (hi exclusive). */
		private Type bitAccess(Expr index, int width) {
			if (!(index instanceof SliceExpr slice)) {
				return IntType.BOOL;
			}
			BigInteger lower = slice.getLower() == null ? null : constants.integer(slice.getLower(), env);
			BigInteger upper = slice.getUpper() == null ? null : constants.integer(slice.getUpper(), env);
			if (lower == null || upper == null || lower.signum() < 0 || upper.compareTo(lower) <= 0
					|| upper.compareTo(BigInteger.valueOf(width)) > 0) {
				return UnknownType.INSTANCE;
			}
			return new IntType(upper.subtract(lower).intValue(), false);
		}

		Type denoted(Expr annotation) {
			if (annotation == null) {
				return UnknownType.INSTANCE;
			}
			if (annotation instanceof NoneLiteral) {
				return NoneType.INSTANCE;
			}
			if (annotation instanceof TupleExpr tuple) {
				List<Type> elements = new ArrayList<>();
				tuple.getElements().forEach(e -> elements.add(denoted(e)));
				return new TupleType(elements);
			}
			if (annotation instanceof SubscriptExpr subscript) {
				return denotedSubscript(subscript);
			}
			Type type = type(annotation);
			if (type instanceof TypeVar unbounded) {
				return unbounded;
			}
			return type instanceof MetaType meta ? meta.denoted() : UnknownType.INSTANCE;
		}

		private Type denotedSubscript(SubscriptExpr subscript) {
			Referable head = Names.targetOf(subscript.getTarget());
			List<Expr> indices = subscript.getIndices();
			if (constants.isStdlibClass(head, "Stream")) {
				Long depth = indices.size() > 1 && constants.evaluate(indices.get(1), env) instanceof BigInteger d
						? d.longValue() : null;
				return new StreamType(indices.isEmpty() ? UnknownType.INSTANCE : denoted(indices.get(0)), depth);
			}
			if (constants.isStdlibClass(head, "ConstExpr")) {
				return indices.isEmpty() ? UnknownType.INSTANCE : denoted(indices.get(0));
			}
			Type element = denoted(subscript.getTarget());
			if (element instanceof UnknownType || element instanceof TensorType) {
				return UnknownType.INSTANCE;
			}
			List<Dim> shape = new ArrayList<>();
			for (Expr index : indices) {
				BigInteger size = constants.integer(index, env);
				shape.add(size != null ? Dim.of(size.longValue()) : Dim.symbolic(textOf(index)));
			}
			return new TensorType(element, shape);
		}
	}

	private static boolean isConcrete(Type type) {
		if (type instanceof TensorType tensor) {
			return isConcrete(tensor.element()) && tensor.shape().stream().allMatch(Dim::isKnown);
		}
		if (type instanceof TupleType tuple) {
			return tuple.elements().stream().allMatch(TypeComputer::isConcrete);
		}
		return !type.isIndeterminate();
	}

	private static Type orUnknown(Type type) {
		return type == null ? UnknownType.INSTANCE : type;
	}

	private static Type orUnknownIfIndeterminate(Type type) {
		return type.isIndeterminate() ? type : UnknownType.INSTANCE;
	}
}
