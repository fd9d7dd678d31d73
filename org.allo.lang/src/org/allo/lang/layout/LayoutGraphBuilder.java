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
import org.allo.lang.allo.Module;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.ReturnStmt;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.layout.LayoutVariable.Role;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.scoping.Members;
import org.allo.lang.scoping.Names;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;

/**
 * Builds the layout graph of a module: a variable for every tensor parameter, local tensor and
 * tensor result of its kernels and of the kernels they call (also imported and library ones), and
 * an edge for every call argument ↔ callee parameter, call result ↔ assigned variable, and kernel
 * result ↔ returned buffer.
 */
final class LayoutGraphBuilder {

	private final Members members;
	private final LayoutGraph graph = new LayoutGraph();
	private final Map<Referable, LayoutVariable> variables = new LinkedHashMap<>();
	private final Map<LayoutVariable, FunctionDef> owners = new HashMap<>();
	private final Map<FunctionDef, LayoutVariable> results = new HashMap<>();
	private final Set<FunctionDef> visited = new HashSet<>();
	private final Set<List<FunctionDef>> calls = new HashSet<>();

	LayoutGraphBuilder(Members members) {
		this.members = members;
	}

	LayoutGraphBuilder addModule(Module module) {
		for (FunctionDef kernel : EcoreUtil2.getAllContentsOfType(module, FunctionDef.class)) {
			if (EcoreUtil2.getContainerOfType(kernel, ClassDef.class) == null) {
				addKernel(kernel);
			}
		}
		return this;
	}

	LayoutGraph graph() {
		return graph;
	}

	Map<Referable, LayoutVariable> variables() {
		return variables;
	}

	Map<LayoutVariable, FunctionDef> owners() {
		return owners;
	}

	Set<List<FunctionDef>> calls() {
		return calls;
	}

	private void addKernel(FunctionDef kernel) {
		if (!visited.add(kernel) || kernel.getBody() == null) {
			return;
		}
		for (Referable tensor : members.kernelTensors(kernel)) {
			int[] sizes = TensorShapes.sizesOf(tensor);
			if (sizes != null) {
				Role role = tensor instanceof Param ? Role.PARAMETER : Role.LOCAL;
				LayoutVariable variable = graph.addVariable(Names.nameOf(tensor), kernel.getName(), role, sizes);
				variables.put(tensor, variable);
				owners.put(variable, kernel);
			}
		}
		int[] resultSizes = TensorShapes.sizesOfType(kernel.getReturnType());
		if (resultSizes != null) {
			LayoutVariable result = graph.addVariable("result", kernel.getName(), Role.RESULT, resultSizes);
			results.put(kernel, result);
			owners.put(result, kernel);
		}
		for (CallExpr call : EcoreUtil2.getAllContentsOfType(kernel.getBody(), CallExpr.class)) {
			FunctionDef callee = TensorShapes.calleeKernel(call);
			if (callee != null && EcoreUtil2.getContainerOfType(callee, ClassDef.class) == null) {
				addKernel(callee);
				calls.add(List.of(kernel, callee));
				joinArguments(call, callee);
				join(assignedFrom(call), results.get(callee));
			}
		}
		for (ReturnStmt ret : EcoreUtil2.getAllContentsOfType(kernel.getBody(), ReturnStmt.class)) {
			if (EcoreUtil2.getContainerOfType(ret, FunctionDef.class) == kernel) {
				join(results.get(kernel), valueVariable(ret.getValue()));
			}
		}
	}

	private void joinArguments(CallExpr call, FunctionDef callee) {
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
				join(valueVariable(argument.getValue()), variables.get(param));
			}
		}
	}

	/** The variable a call's result is stored in: {@code P: T[M, N] = f(...)} or {@code P = f(...)}. */
	private LayoutVariable assignedFrom(CallExpr call) {
		EObject parent = call.eContainer();
		if (parent instanceof VarDecl decl && decl.getInit() == call) {
			return variables.get(decl);
		}
		if (parent instanceof ExprStmt assignment && "=".equals(assignment.getOp()) && assignment.getValue() == call
				&& assignment.getExpr() instanceof NameRef target) {
			return nameVariable(target);
		}
		return null;
	}

	/** The variable an expression denotes: a tensor name, or the result of a kernel call. */
	private LayoutVariable valueVariable(Expr value) {
		if (value instanceof NameRef name) {
			return nameVariable(name);
		}
		if (value instanceof CallExpr call && TensorShapes.calleeKernel(call) != null) {
			addKernel(TensorShapes.calleeKernel(call));
			return results.get(TensorShapes.calleeKernel(call));
		}
		return null;
	}

	/** A name's variable; a name that declares itself by assignment is its own referable. */
	private LayoutVariable nameVariable(NameRef name) {
		LayoutVariable variable = variables.get(ScheduleSteps.resolved(name));
		return variable != null ? variable : variables.get(name);
	}

	private void join(LayoutVariable a, LayoutVariable b) {
		if (a != null && b != null && a != b && a.rank() == b.rank()) {
			graph.addEdge(a, b);
		}
	}
}
