package org.allo.lang.scoping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.ExprStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.ImportStmt;
import org.allo.lang.allo.ImportedName;
import org.allo.lang.allo.MemberExpr;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.SubscriptExpr;
import org.allo.lang.allo.Suite;
import org.allo.lang.allo.TupleExpr;
import org.allo.lang.allo.VarDecl;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.EcoreUtil2;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * What {@code receiver.name} can name: the members of a module ({@code allo.grid}), of a class
 * ({@code Partition.Cyclic}), of an instance ({@code fifo.put}, {@code s.split}, {@code A.T}), and
 * for a schedule also the customised kernel's tensors ({@code s.C}). Types are not known here, so
 * an instance's class is read from its declaration: a type annotation or the callee's
 * {@code -> Class} annotation.
 */
@Singleton
public class Members {

	private static final int MAX_ALIAS_DEPTH = 16;

	@Inject
	private LexicalBindings bindings;

	@Inject
	private Stdlib stdlib;

	/** Members by name; an empty map when the receiver has none that can be known statically. */
	public Map<String, Referable> of(Expr receiver) {
		Map<String, Referable> result = new LinkedHashMap<>();
		collect(receiver, result, 0);
		return result;
	}

	private void collect(Expr receiver, Map<String, Referable> result, int depth) {
		if (depth > MAX_ALIAS_DEPTH) {
			return;
		}
		if (receiver instanceof NameRef name) {
			collectOfReferable(name.getRef(), result, depth + 1);
		} else if (receiver instanceof MemberExpr member) {
			collectOfReferable(member.getMember(), result, depth + 1);
		} else if (receiver instanceof SubscriptExpr subscript) {
			if (!collectInstanceOf(subscript.getTarget(), result, depth + 1)) {
				addClass(result, receiver, "Tensor");
			}
		} else {
			collectInstanceOfValue(receiver, result, depth + 1);
		}
	}

	private void collectOfReferable(Referable target, Map<String, Referable> result, int depth) {
		if (target == null || target.eIsProxy() || depth > MAX_ALIAS_DEPTH) {
			return;
		}
		if (target instanceof Module module) {
			addBlock(result, module);
		} else if (target instanceof ImportStmt importStmt) {
			Module module = importStmt.getModule();
			if (module != null && !module.eIsProxy()) {
				addBlock(result, importedModule(importStmt, module));
			}
		} else if (target instanceof ImportedName imported) {
			collectOfReferable(imported.getTarget(), result, depth + 1);
		} else if (target instanceof ClassDef classDef) {
			addBlock(result, classDef.getBody());
		} else if (target instanceof VarDecl decl) {
			if (!collectInstanceOfType(decl.getType(), result, depth + 1)) {
				addClass(result, target, "Tensor");
			}
		} else if (target instanceof Param param) {
			if (!collectInstanceOfType(param.getType(), result, depth + 1)) {
				addClass(result, target, "Tensor");
			}
		} else if (target instanceof NameRef assigned) {
			Expr value = assignedValue(assigned);
			if (value == null || !collectInstanceOfValueOrAlias(value, result, depth + 1)) {
				addClass(result, target, "Tensor");
			}
		} else if (!(target instanceof FunctionDef)) {
			addClass(result, target, "Tensor");
		}
	}

	/** {@code import allo.dataflow} binds {@code allo}: the name means the first module of the path. */
	private Module importedModule(ImportStmt importStmt, Module module) {
		if (importStmt.getAlias() != null) {
			return module;
		}
		String path = Names.referenceText(importStmt, org.allo.lang.allo.AlloPackage.Literals.IMPORT_STMT__MODULE);
		int dot = path.indexOf('.');
		if (dot < 0) {
			return module;
		}
		Module head = stdlib.load(resourceSet(importStmt), path.substring(0, dot));
		return head != null ? head : module;
	}

	private boolean collectInstanceOfValueOrAlias(Expr value, Map<String, Referable> result, int depth) {
		if (value instanceof NameRef || value instanceof MemberExpr) {
			int before = result.size();
			collect(value, result, depth);
			return result.size() > before;
		}
		return collectInstanceOfValue(value, result, depth);
	}

	private boolean collectInstanceOfValue(Expr value, Map<String, Referable> result, int depth) {
		// A declaration the parser recovered without its value (while typing) has no members.
		if (value == null) {
			return false;
		}
		if (value instanceof CallExpr call) {
			Referable callee = Names.targetOf(call.getCallee());
			if (callee instanceof FunctionDef function && function.getReturnType() != null
					&& collectInstanceOfType(function.getReturnType(), result, depth)) {
				if (isSchedule(function.getReturnType())) {
					addKernelTensors(result, call);
				}
				return true;
			}
			if (callee instanceof ClassDef classDef) {
				addBlock(result, classDef.getBody());
				return true;
			}
		}
		addClass(result, value, "Tensor");
		return true;
	}

	private boolean collectInstanceOf(Expr typedValue, Map<String, Referable> result, int depth) {
		int before = result.size();
		collect(typedValue, result, depth);
		return result.size() > before;
	}

	/** Instances of a class named by a type annotation: {@code Stream[float32, 4][P0, P1]} → Stream. */
	private boolean collectInstanceOfType(Expr type, Map<String, Referable> result, int depth) {
		Expr head = type;
		while (head instanceof SubscriptExpr subscript) {
			head = subscript.getTarget();
		}
		Referable named = Names.targetOf(head);
		if (named instanceof ClassDef classDef) {
			addBlock(result, classDef.getBody());
			return true;
		}
		return false;
	}

	private static boolean isSchedule(Expr type) {
		return Names.targetOf(type) instanceof ClassDef classDef && "Schedule".equals(classDef.getName());
	}

	/** {@code s = allo.customize(gemm)}: {@code s.C} names gemm's parameters and local tensors. */
	private void addKernelTensors(Map<String, Referable> result, CallExpr customize) {
		if (customize.getArgs().isEmpty()) {
			return;
		}
		Expr kernel = customize.getArgs().get(0).getValue();
		if (Names.targetOf(kernel) instanceof FunctionDef function) {
			for (Referable tensor : kernelTensors(function)) {
				result.putIfAbsent(Names.nameOf(tensor), tensor);
			}
		}
	}

	/** The parameters of a kernel and every tensor or scalar declared in its body. */
	public List<Referable> kernelTensors(FunctionDef kernel) {
		Map<String, Referable> tensors = new LinkedHashMap<>();
		for (Param param : kernel.getParams()) {
			tensors.putIfAbsent(param.getName(), param);
		}
		if (kernel.getBody() != null) {
			for (Suite suite : EcoreUtil2.getAllContentsOfType(kernel.getBody(), Suite.class)) {
				addDeclarations(tensors, suite);
			}
			addDeclarations(tensors, kernel.getBody());
		}
		return List.copyOf(tensors.values());
	}

	private void addDeclarations(Map<String, Referable> tensors, Suite suite) {
		bindings.bindingsOf(suite).forEach((name, list) -> {
			Referable target = list.get(0).target();
			if (target instanceof VarDecl || target instanceof NameRef) {
				tensors.putIfAbsent(name, target);
			}
		});
	}

	/** The value assigned to a name by {@code x = v} or {@code a, b = u, v}; null when there is none. */
	public static Expr assignedValue(NameRef target) {
		EObject parent = target.eContainer();
		if (parent instanceof ExprStmt statement && statement.getExpr() == target) {
			return statement.getValue();
		}
		if (parent instanceof TupleExpr tuple && tuple.eContainer() instanceof ExprStmt statement
				&& statement.getExpr() == tuple && statement.getValue() instanceof TupleExpr values
				&& values.getElements().size() == tuple.getElements().size()) {
			return values.getElements().get(tuple.getElements().indexOf(target));
		}
		return null;
	}

	private void addBlock(Map<String, Referable> result, EObject block) {
		if (block == null) {
			return;
		}
		bindings.bindingsOf(block).forEach((name, list) -> result.putIfAbsent(name, list.get(0).target()));
	}

	private void addClass(Map<String, Referable> result, EObject context, String className) {
		Module builtins = stdlib.load(resourceSet(context), "builtins");
		if (builtins == null) {
			return;
		}
		List<Binding> classes = bindings.bindingsOf(builtins).get(className);
		if (classes != null && classes.get(0).target() instanceof ClassDef classDef) {
			addBlock(result, classDef.getBody());
		}
	}

	private static ResourceSet resourceSet(EObject context) {
		return context.eResource() == null ? null : context.eResource().getResourceSet();
	}
}
