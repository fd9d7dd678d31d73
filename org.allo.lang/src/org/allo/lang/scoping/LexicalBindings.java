package org.allo.lang.scoping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.ExprStmt;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.ForStmt;
import org.allo.lang.allo.FromImportStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.ImportStmt;
import org.allo.lang.allo.ImportedName;
import org.allo.lang.allo.LoopVar;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.Statement;
import org.allo.lang.allo.Suite;
import org.allo.lang.allo.TupleExpr;
import org.allo.lang.allo.TypeParam;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.allo.WithStmt;
import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Which declaration a name means at a given place, by Allo's rules: blocks scope like C (a name
 * declared in a block is not visible after it), a name is visible only after the statement that
 * declares it, a kernel sees every module-level name, and a bare name assigned where no
 * declaration of it is visible declares it (Python's rule, used by {@code i, j = df.get_pid()}).
 */
@Singleton
public class LexicalBindings {

	@Inject
	private IResourceScopeCache cache;

	/** The declaration {@code name} means at {@code context}, or null (the prelude is not searched). */
	public Referable lookup(EObject context, String name) {
		Referable[] found = new Referable[1];
		walk(context, binding -> {
			if (found[0] == null && name.equals(binding.name())) {
				found[0] = binding.target();
			}
		}, name);
		return found[0];
	}

	/** Every binding visible at {@code context}, innermost first (shadowed ones included). */
	public List<Binding> visible(EObject context) {
		List<Binding> result = new ArrayList<>();
		walk(context, result::add, null);
		return result;
	}

	/** The bindings a block (module body or suite) makes, by name, each list in source order. */
	public Map<String, List<Binding>> bindingsOf(EObject block) {
		return cache.get(Tuples.pair(LexicalBindings.class, block), block.eResource(), () -> compute(block));
	}

	private void walk(EObject context, Consumer<Binding> sink, String onlyName) {
		boolean inFunctionBody = false;
		EObject child = context;
		for (EObject parent = context.eContainer(); parent != null; child = parent, parent = parent.eContainer()) {
			if (parent instanceof Module || parent instanceof Suite) {
				if (parent instanceof Suite && parent.eContainer() instanceof ClassDef && inFunctionBody) {
					continue; // a method does not see its class's names, as in Python
				}
				int limit = parent instanceof Module && inFunctionBody ? Integer.MAX_VALUE : indexIn(parent, child);
				emitBlock(bindingsOf(parent), limit, context, sink, onlyName);
			} else if (parent instanceof ForStmt loop && child == loop.getBody()) {
				for (LoopVar var : loop.getVars()) {
					sink.accept(new Binding(var.getName(), var, -1));
				}
			} else if (parent instanceof WithStmt with && child == with.getBody() && with.getVar() != null) {
				sink.accept(new Binding(with.getVar().getName(), with.getVar(), -1));
			} else if (parent instanceof FunctionDef def) {
				if (child == def.getBody()) {
					inFunctionBody = true;
					for (Param param : def.getParams()) {
						sink.accept(new Binding(param.getName(), param, -1));
					}
				}
				if (!def.getDecorators().contains(child)) {
					for (TypeParam typeParam : def.getTypeParams()) {
						sink.accept(new Binding(typeParam.getName(), typeParam, -1));
					}
				}
			}
		}
	}

	private static void emitBlock(Map<String, List<Binding>> bindings, int limit, EObject context,
			Consumer<Binding> sink, String onlyName) {
		if (onlyName != null) {
			List<Binding> candidates = bindings.get(onlyName);
			if (candidates != null) {
				emitVisible(candidates, limit, context, sink);
			}
		} else {
			for (List<Binding> candidates : bindings.values()) {
				emitVisible(candidates, limit, context, sink);
			}
		}
	}

	private static void emitVisible(List<Binding> candidates, int limit, EObject context, Consumer<Binding> sink) {
		for (Binding binding : candidates) {
			if (binding.index() < limit || binding.index() == limit && binding.target() == context) {
				sink.accept(binding);
				return;
			}
		}
	}

	private static int indexIn(EObject block, EObject child) {
		EList<Statement> statements = statementsOf(block);
		int index = statements.indexOf(child);
		return index < 0 ? statements.size() : index;
	}

	private static EList<Statement> statementsOf(EObject block) {
		return block instanceof Module module ? module.getStatements() : ((Suite) block).getStatements();
	}

	private Map<String, List<Binding>> compute(EObject block) {
		Map<String, List<Binding>> result = new LinkedHashMap<>();
		EList<Statement> statements = statementsOf(block);
		for (int index = 0; index < statements.size(); index++) {
			Statement statement = statements.get(index);
			int at = index;
			declaredBy(statement, referable -> {
				String name = Names.nameOf(referable);
				if (name != null && !name.isEmpty()) {
					result.computeIfAbsent(name, n -> new ArrayList<>(1)).add(new Binding(name, referable, at));
				}
			});
			if (statement instanceof ExprStmt assignment && "=".equals(assignment.getOp())) {
				for (NameRef target : assignedNames(assignment.getExpr())) {
					String name = Names.nameOf(target);
					if (!name.isEmpty() && !result.containsKey(name) && !(block instanceof Suite && lookup(block, name) != null)) {
						result.computeIfAbsent(name, n -> new ArrayList<>(1)).add(new Binding(name, target, at));
					}
				}
			}
		}
		return result;
	}

	private static void declaredBy(Statement statement, Consumer<Referable> sink) {
		if (statement instanceof FunctionDef || statement instanceof ClassDef || statement instanceof VarDecl
				|| statement instanceof ImportStmt) {
			sink.accept((Referable) statement);
		} else if (statement instanceof FromImportStmt fromImport) {
			for (ImportedName name : fromImport.getNames()) {
				sink.accept(name);
			}
		}
	}

	/** The bare names an assignment's left-hand side binds: {@code x = ...}, {@code i, j = ...}. */
	public static List<NameRef> assignedNames(Expr target) {
		List<NameRef> result = new ArrayList<>(2);
		collectAssigned(target, result);
		return result;
	}

	/** Whether {@code name} stands on the left of a plain assignment (and so may declare it). */
	public static boolean isAssignmentTarget(NameRef name) {
		EObject statement = name.eContainer() instanceof TupleExpr tuple ? tuple.eContainer() : name.eContainer();
		return statement instanceof ExprStmt assignment && "=".equals(assignment.getOp())
				&& assignedNames(assignment.getExpr()).contains(name);
	}

	private static void collectAssigned(Expr target, List<NameRef> result) {
		if (target instanceof NameRef name) {
			result.add(name);
		} else if (target instanceof TupleExpr tuple) {
			for (Expr element : tuple.getElements()) {
				collectAssigned(element, result);
			}
		}
	}
}
