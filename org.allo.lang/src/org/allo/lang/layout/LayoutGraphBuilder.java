package org.allo.lang.layout;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.allo.lang.allo.Argument;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.ExprStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.ReturnStmt;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.layout.LayoutVariable.Role;
import org.allo.lang.scoping.Members;
import org.allo.lang.scoping.Names;
import org.allo.lang.types.Templates;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;

/**
 * Builds the layout graph of a module: a variable for every tensor parameter, local tensor and
 * tensor result of its kernels and of the kernels they call (also imported and library ones), and
 * an edge for every call argument ↔ callee parameter, call result ↔ assigned variable, and kernel
 * result ↔ returned buffer. A template call with an instance id ({@code f[T, 4, "id"](A)}) gets its
 * own copy of the callee's variables, as Allo gives it its own function {@code f_id}; every other
 * call shares the kernel's one copy.
 */
final class LayoutGraphBuilder {

	/** A tensor of one instance of its kernel; {@code instance} is null for the shared copy. */
	record Key(Referable tensor, String instance) {
	}

	private final Members members;
	private final LayoutGraph graph = new LayoutGraph();
	private final Map<Key, LayoutVariable> variables = new LinkedHashMap<>();
	private final Map<Key, LayoutVariable> results = new HashMap<>();
	private final Map<LayoutVariable, FunctionDef> owners = new HashMap<>();
	private final Set<Key> visited = new HashSet<>();
	private final Set<List<FunctionDef>> calls = new HashSet<>();

	LayoutGraphBuilder(Members members) {
		this.members = members;
	}

	/** Adds the kernels among the module's functions (every function, nested ones included, in source order). */
	LayoutGraphBuilder addKernels(List<FunctionDef> functions) {
		for (FunctionDef kernel : functions) {
			if (EcoreUtil2.getContainerOfType(kernel, ClassDef.class) == null) {
				addKernel(kernel, null);
			}
		}
		return this;
	}

	LayoutGraph graph() {
		return graph;
	}

	/** The variable of a tensor in an instance of its kernel; null if it has none. */
	LayoutVariable variable(Referable tensor, String instance) {
		return variables.get(new Key(tensor, instance));
	}

	private LayoutVariable resultOf(FunctionDef kernel, String instance) {
		return results.get(new Key(kernel, instance));
	}

	Map<LayoutVariable, FunctionDef> owners() {
		return owners;
	}

	Set<List<FunctionDef>> calls() {
		return calls;
	}

	private void addKernel(FunctionDef kernel, String instance) {
		if (!visited.add(new Key(kernel, instance)) || kernel.getBody() == null) {
			return;
		}
		String kernelName = instance == null ? kernel.getName() : kernel.getName() + "_" + instance;
		for (Referable tensor : members.kernelTensors(kernel)) {
			int[] sizes = TensorShapes.sizesOf(tensor);
			if (sizes != null) {
				Role role = tensor instanceof Param ? Role.PARAMETER : Role.LOCAL;
				add(variables, new Key(tensor, instance), graph.addVariable(Names.nameOf(tensor), kernelName, role, sizes), kernel);
			}
		}
		int[] resultSizes = TensorShapes.sizesOfType(kernel.getReturnType());
		if (resultSizes != null) {
			add(results, new Key(kernel, instance), graph.addVariable("result", kernelName, Role.RESULT, resultSizes), kernel);
		}
		for (CallExpr call : EcoreUtil2.getAllContentsOfType(kernel.getBody(), CallExpr.class)) {
			FunctionDef callee = TensorShapes.calleeKernel(call);
			if (callee != null && EcoreUtil2.getContainerOfType(callee, ClassDef.class) == null) {
				String calleeInstance = Templates.instanceId(call);
				addKernel(callee, calleeInstance);
				calls.add(List.of(kernel, callee));
				joinArguments(call, callee, instance, calleeInstance);
				join(assignedFrom(call, instance), resultOf(callee, calleeInstance));
			}
		}
		for (ReturnStmt ret : EcoreUtil2.getAllContentsOfType(kernel.getBody(), ReturnStmt.class)) {
			if (EcoreUtil2.getContainerOfType(ret, FunctionDef.class) == kernel) {
				join(resultOf(kernel, instance), valueVariable(ret.getValue(), instance));
			}
		}
	}

	private void add(Map<Key, LayoutVariable> map, Key key, LayoutVariable variable, FunctionDef kernel) {
		map.put(key, variable);
		owners.put(variable, kernel);
	}

	private void joinArguments(CallExpr call, FunctionDef callee, String instance, String calleeInstance) {
		List<Param> params = callee.getParams();
		int position = 0;
		for (Argument argument : call.getArgs()) {
			if (argument.isStar()) {
				return;
			}
			Param param = null;
			if (argument.getKeyword() != null) {
				param = params.stream().filter(p -> argument.getKeyword().equals(p.getName())).findFirst().orElse(null);
			} else if (position < params.size()) {
				param = params.get(position++);
			}
			if (param != null) {
				join(valueVariable(argument.getValue(), instance), variable(param, calleeInstance));
			}
		}
	}

	/** The variable a call's result is stored in: {@code P: T[M, N] = f(...)} or {@code P = f(...)}. */
	private LayoutVariable assignedFrom(CallExpr call, String instance) {
		EObject parent = call.eContainer();
		if (parent instanceof VarDecl decl && decl.getInit() == call) {
			return variable(decl, instance);
		}
		if (parent instanceof ExprStmt assignment && "=".equals(assignment.getOp()) && assignment.getValue() == call
				&& assignment.getExpr() instanceof NameRef target) {
			return nameVariable(target, instance);
		}
		return null;
	}

	/** The variable an expression denotes: a tensor name, or the result of a kernel call. */
	private LayoutVariable valueVariable(Expr value, String instance) {
		if (value instanceof NameRef name) {
			return nameVariable(name, instance);
		}
		if (value instanceof CallExpr call && TensorShapes.calleeKernel(call) != null) {
			FunctionDef callee = TensorShapes.calleeKernel(call);
			addKernel(callee, Templates.instanceId(call));
			return resultOf(callee, Templates.instanceId(call));
		}
		return null;
	}

	/** A name's variable; a name that declares itself by assignment is its own referable. */
	private LayoutVariable nameVariable(NameRef name, String instance) {
		LayoutVariable variable = variable(Names.targetOf(name), instance);
		return variable != null ? variable : variable(name, instance);
	}

	private void join(LayoutVariable a, LayoutVariable b) {
		if (a != null && b != null && a != b && a.rank() == b.rank()) {
			graph.addEdge(a, b);
		}
	}
}
