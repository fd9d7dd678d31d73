package org.allo.lang.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.allo.lang.allo.Argument;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.ListExpr;
import org.allo.lang.allo.MemberExpr;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.SubscriptExpr;
import org.allo.lang.allo.TupleExpr;
import org.allo.lang.allo.TypeParam;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.types.ConstantEvaluator;
import org.allo.lang.types.InstanceChecker;
import org.allo.lang.scoping.Names;
import org.allo.lang.types.StreamType;
import org.allo.lang.types.TensorType;
import org.allo.lang.types.TupleType;
import org.allo.lang.types.Type;
import org.allo.lang.types.TypeComputer;
import org.allo.lang.types.Templates;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/**
 * Calls of kernels and templates: argument count and keywords, template instantiation
 * ({@code allo.customize(k, instantiate=[...])}, {@code k[float32, 4](...)}) with the count and
 * constraints of the type parameters, and arguments checked against the parameter types of the
 * instantiation. Tensors are passed by reference, so their element types must agree exactly.
 */
public class CallValidator extends StoreCheckingValidator {

	@Inject
	private ConstantEvaluator constants;

	@Inject
	private Templates templates;

	@Inject
	private TypeComputer computer;

	@Inject
	private InstanceChecker instances;

	@Check
	public void kernelCall(CallExpr call) {
		if (inLibrary(call)) {
			return;
		}
		Expr callee = call.getCallee();
		SubscriptExpr explicit = null;
		if (callee instanceof SubscriptExpr subscript
				&& Names.targetOf(subscript.getTarget()) instanceof FunctionDef) {
			explicit = subscript;
			callee = subscript.getTarget();
		}
		if (!(Names.targetOf(callee) instanceof FunctionDef kernel)) {
			return;
		}
		if (stdlib.isStdlib(kernel.eResource())) {
			libraryCall(kernel, call);
			return;
		}
		Map<TypeParam, Object> binding = Map.of();
		if (explicit != null) {
			if (!checkInstantiation(kernel, explicit.getIndices(), explicit, kernel.getName() + "[...]")) {
				return;
			}
			binding = templates.bindExplicit(kernel, explicit.getIndices(), Map.of());
		}
		checkArguments(kernel, call, binding);
	}

	/** A library kernel binds its parameters from the arguments; they must agree. */
	private void libraryCall(FunctionDef kernel, CallExpr call) {
		if (kernel.getTypeParams().isEmpty()) {
			return;
		}
		List<Type> argumentTypes = new ArrayList<>();
		for (Argument argument : call.getArgs()) {
			if (argument.getKeyword() == null) {
				argumentTypes.add(types.typeOf(argument.getValue()));
			}
		}
		for (Templates.Conflict conflict : templates.inferenceConflicts(kernel, argumentTypes)) {
			error("the arguments of allo." + kernel.getName() + " disagree: " + conflict.message(), call, null,
					conflict.ofType() ? IssueCodes.ARGUMENT_TYPE : IssueCodes.SHAPE_MISMATCH);
		}
	}

	/** False when the instantiation is wrong (and reported), so its arguments are not checked against it. */
	private boolean checkInstantiation(FunctionDef kernel, List<Expr> arguments, EObject at, String how) {
		if (kernel.getTypeParams().isEmpty()) {
			error("kernel '" + kernel.getName() + "' is not a template; remove the template arguments of " + how, at,
					null, IssueCodes.NOT_A_TEMPLATE);
			return false;
		}
		List<Expr> values = Templates.withoutInstanceId(arguments);
		if (values.size() != kernel.getTypeParams().size()) {
			error("template '" + kernel.getName() + "' has " + kernel.getTypeParams().size() + " parameters ("
					+ parameterList(kernel) + ") but " + values.size() + (values.size() == 1 ? " argument is" : " arguments are")
					+ " given", at, null,
					IssueCodes.TEMPLATE_COUNT);
			return false;
		}
		boolean ok = true;
		for (int i = 0; i < values.size(); i++) {
			String problem = templates.violation(kernel.getTypeParams().get(i), constants.evaluate(values.get(i), Map.of()));
			if (problem != null) {
				error(problem, values.get(i), null, IssueCodes.TEMPLATE_CONSTRAINT);
				ok = false;
			}
		}
		Map<TypeParam, Object> binding = templates.bindExplicit(kernel, arguments, Map.of());
		return ok && shapesOfInstance(kernel, binding, at) && bodyOfInstance(kernel, binding, at);
	}

	/** The template's body typed with this binding (a complete one; otherwise it stays symbolic). */
	private boolean bodyOfInstance(FunctionDef kernel, Map<TypeParam, Object> binding, EObject at) {
		if (binding.size() != kernel.getTypeParams().size()) {
			return true;
		}
		List<String> problems = instances.problems(kernel, binding);
		for (String problem : problems) {
			error("this instance of '" + kernel.getName() + "' (" + describe(kernel, binding) + ") does not type-check: "
					+ problem, at, null, IssueCodes.INSTANCE_TYPE);
		}
		return problems.isEmpty();
	}

	private static String describe(FunctionDef kernel, Map<TypeParam, Object> binding) {
		return kernel.getTypeParams().stream().map(param -> param.getName() + " = " + show(binding.get(param)))
				.collect(Collectors.joining(", "));
	}

	private static String show(Object value) {
		return value instanceof Type type ? type.display() : String.valueOf(value);
	}

	/** Every tensor the instance declares (parameters, locals, result) must get dimensions of at least 1. */
	private boolean shapesOfInstance(FunctionDef kernel, Map<TypeParam, Object> binding, EObject at) {
		if (binding.size() != kernel.getTypeParams().size()) {
			return true;
		}
		List<Expr> annotations = new ArrayList<>();
		kernel.getParams().forEach(param -> annotations.add(param.getType()));
		annotations.add(kernel.getReturnType());
		EcoreUtil2.getAllContentsOfType(kernel.getBody(), VarDecl.class)
				.forEach(decl -> annotations.add(decl.getType()));
		for (Expr annotation : annotations) {
			if (annotation != null && hasEmptyDimension(computer.denotedType(annotation, binding))) {
				error("this instance of '" + kernel.getName() + "' gives '" + TypeValidator.text(annotation)
						+ "' the type " + computer.denotedType(annotation, binding).display()
						+ "; every dimension must be at least 1", at, null, IssueCodes.INVALID_SHAPE);
				return false;
			}
		}
		return true;
	}

	private static boolean hasEmptyDimension(Type type) {
		if (type instanceof TupleType tuple) {
			return tuple.elements().stream().anyMatch(CallValidator::hasEmptyDimension);
		}
		return type instanceof TensorType tensor
				&& tensor.shape().stream().anyMatch(dim -> dim.isKnown() && dim.size() <= 0);
	}

	private static String parameterList(FunctionDef kernel) {
		return kernel.getTypeParams().stream().map(TypeParam::getName).collect(Collectors.joining(", "));
	}

	private void checkArguments(FunctionDef kernel, CallExpr call, Map<TypeParam, Object> binding) {
		List<Param> params = kernel.getParams();
		Set<String> names = params.stream().map(Param::getName).collect(Collectors.toSet());
		List<Argument> positional = new ArrayList<>();
		for (Argument argument : call.getArgs()) {
			if (argument.isStar()) {
				return;
			}
			if (argument.getKeyword() == null) {
				positional.add(argument);
			} else if (!names.contains(argument.getKeyword())) {
				error("kernel '" + kernel.getName() + "' has no parameter '" + argument.getKeyword() + "'", argument,
						null, IssueCodes.ARGUMENT_COUNT);
				return;
			}
		}
		long required = params.stream().filter(p -> p.getDefault() == null && !p.isStar()).count();
		if (positional.size() > params.size() || call.getArgs().size() < required) {
			error("kernel '" + kernel.getName() + "' takes " + params.size() + " argument"
					+ (params.size() == 1 ? "" : "s") + " (" + params.stream().map(Param::getName).collect(Collectors.joining(", "))
					+ ") but " + call.getArgs().size() + (call.getArgs().size() == 1 ? " is" : " are") + " given", call,
					null, IssueCodes.ARGUMENT_COUNT);
			return;
		}
		for (int i = 0; i < positional.size(); i++) {
			Param param = params.get(i);
			if (param.getType() != null) {
				checkArgument(kernel, param, positional.get(i).getValue(), computer.denotedType(param.getType(), binding));
			}
		}
	}

	private void checkArgument(FunctionDef kernel, Param param, Expr value, Type expected) {
		Type given = types.typeOf(value);
		String what = "parameter '" + param.getName() + "' of kernel '" + kernel.getName() + "'";
		if (expected instanceof TensorType tensor && TypeValidator.isValue(given) && !(given instanceof TensorType)) {
			error(what + " is the tensor " + tensor.display() + " but the argument is a scalar " + given.display()
					+ "; pass a tensor", value, null, IssueCodes.ARGUMENT_TYPE);
			return;
		}
		if (expected instanceof TensorType tensor && given instanceof TensorType actual
				&& TypeValidator.isValue(tensor.element()) && TypeValidator.isValue(actual.element())
				&& tensor.shapeCompatibleWith(actual) && !tensor.element().equals(actual.element())) {
			error(what + " is " + tensor.display() + " but the argument is " + actual.display()
					+ "; tensors are passed by reference, so the element types must be the same", value, null,
					IssueCodes.ARGUMENT_TYPE);
			return;
		}
		checkStore(value, expected, what);
	}

	/** {@code fifo.put(v)} stores {@code v} into the stream's element type. */
	@Check
	public void streamPut(CallExpr call) {
		if (inLibrary(call) || !(call.getCallee() instanceof MemberExpr member) || call.getArgs().size() != 1
				|| !(types.typeOf(member.getReceiver()) instanceof StreamType stream)
				|| !"put".equals(Names.nameOf(member.getMember()))) {
			return;
		}
		checkStore(call.getArgs().get(0).getValue(), stream.element(),
				"stream '" + TypeValidator.text(member.getReceiver()) + "'");
	}

	@Check
	public void customize(CallExpr call) {
		if (inLibrary(call) || !(Names.targetOf(call.getCallee()) instanceof FunctionDef function)
				|| !"customize".equals(function.getName()) || !stdlib.isStdlib(function.eResource())
				|| call.getArgs().isEmpty()) {
			return;
		}
		if (!(Names.targetOf(call.getArgs().get(0).getValue()) instanceof FunctionDef kernel)
				|| stdlib.isStdlib(kernel.eResource())) {
			return;
		}
		Argument instantiate = call.getArgs().stream().filter(a -> "instantiate".equals(a.getKeyword())).findFirst()
				.orElse(null);
		if (instantiate == null) {
			if (!kernel.getTypeParams().isEmpty()) {
				error("template '" + kernel.getName() + "' needs its parameters (" + parameterList(kernel)
						+ "): allo.customize(" + kernel.getName() + ", instantiate=[...])", call, null,
						IssueCodes.TEMPLATE_NOT_INSTANTIATED);
			}
			return;
		}
		List<Expr> values = instantiate.getValue() instanceof ListExpr list ? list.getElements()
				: instantiate.getValue() instanceof TupleExpr tuple ? tuple.getElements() : null;
		if (values != null) {
			checkInstantiation(kernel, values, instantiate, "instantiate=");
		}
	}
}
