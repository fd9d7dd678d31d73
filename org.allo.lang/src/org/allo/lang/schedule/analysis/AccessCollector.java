package org.allo.lang.schedule.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrAssign;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrDeclare;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrIf;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrStreamGet;
import org.allo.lang.ir.IrStreamPut;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.IrVarRef;
import org.allo.lang.ir.IrWhile;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * The accesses of a region in execution order, with the loops around each and the loop each
 * local buffer or scalar is declared in (a value declared in a loop body is fresh in every
 * iteration of that loop, so it carries nothing across them).
 */
final class AccessCollector {

	private final List<Access> accesses = new ArrayList<>();
	private final Map<IrValue, IrFor> declaredIn = new HashMap<>();
	private final Deque<IrFor> loops = new ArrayDeque<>();
	private final List<IrBuffer> globals;

	private AccessCollector(EObject root) {
		globals = EcoreUtil.getRootContainer(root) instanceof IrModule module ? module.getGlobals() : List.of();
	}

	static AccessCollector of(IrStatement root) {
		AccessCollector collector = new AccessCollector(root);
		collector.statement(root);
		return collector;
	}

	List<Access> accesses() {
		return accesses;
	}

	/** The loop of the region whose body declares {@code value}; null for values declared outside it. */
	IrFor declaredIn(IrValue value) {
		return declaredIn.get(value);
	}

	private void statement(IrStatement statement) {
		if (statement instanceof IrFor loop) {
			expression(loop.getLower());
			expression(loop.getUpper());
			loops.addLast(loop);
			statement(loop.getBody());
			loops.removeLast();
		} else if (statement instanceof IrBlock block) {
			block.getStatements().forEach(this::statement);
		} else if (statement instanceof IrIf branch) {
			expression(branch.getCondition());
			statement(branch.getThen());
			if (branch.getElse() != null) {
				statement(branch.getElse());
			}
		} else if (statement instanceof IrWhile loop) {
			expression(loop.getCondition());
			statement(loop.getBody());
		} else if (statement instanceof IrAlloc alloc) {
			expression(alloc.getInit());
			declare(alloc.getBuffer());
			add(alloc, alloc.getBuffer(), true, null);
		} else if (statement instanceof IrDeclare declare) {
			expression(declare.getInit());
			declare(declare.getVar());
			add(declare, declare.getVar(), true, List.of());
		} else if (statement instanceof IrAssign assign) {
			expression(assign.getValue());
			add(assign, assign.getTarget(), true, List.of());
		} else if (statement instanceof IrStore store) {
			store.getIndices().forEach(this::expression);
			expression(store.getValue());
			add(store, store.getBuffer(), true, subscripts(store.getBuffer(), store.getIndices()));
		} else if (statement instanceof IrStreamPut put) {
			put.getIndices().forEach(this::expression);
			expression(put.getValue());
			add(put, put.getStream(), true, null);
		} else {
			statement.eContents().stream().filter(IrExpr.class::isInstance).map(IrExpr.class::cast).forEach(this::expression);
		}
	}

	private void expression(IrExpr expr) {
		if (expr == null) {
			return;
		}
		if (expr instanceof IrLoad load) {
			load.getIndices().forEach(this::expression);
			add(load, load.getBuffer(), false, subscripts(load.getBuffer(), load.getIndices()));
		} else if (expr instanceof IrVarRef ref) {
			if (ref.getVar() != null && !LoopBounds.isInductionVariable(ref.getVar())) {
				add(ref, ref.getVar(), false, List.of());
			}
		} else if (expr instanceof IrStreamGet get) {
			get.getIndices().forEach(this::expression);
			add(get, get.getStream(), true, null);
		} else if (expr instanceof IrCall call) {
			call.getArgs().forEach(this::expression);
			callEffects(call);
		} else {
			expr.eContents().stream().filter(IrExpr.class::isInstance).map(IrExpr.class::cast).forEach(this::expression);
		}
	}

	/** A callee may write any buffer passed to it and any persistent state. */
	private void callEffects(IrCall call) {
		for (IrExpr argument : call.getArgs()) {
			if (argument instanceof IrLoad load && load.getBuffer() != null && load.getBuffer().getType() instanceof IrTensorType tensor
					&& load.getIndices().size() < tensor.getShape().size()) {
				add(call, load.getBuffer(), true, null);
			}
		}
		for (IrBuffer global : globals) {
			add(call, global, true, null);
		}
	}

	/** One form per dimension; null when the access is not to a single element (a whole tensor or a slice). */
	private List<Optional<AffineForm>> subscripts(IrBuffer buffer, List<IrExpr> indices) {
		int rank = buffer.getType() instanceof IrTensorType tensor ? tensor.getShape().size() : 0;
		if (indices.size() != rank) {
			return null;
		}
		List<Optional<AffineForm>> forms = new ArrayList<>();
		for (IrExpr index : indices) {
			forms.add(AffineForm.of(index, LoopBounds::isInductionVariable));
		}
		return forms;
	}

	private void declare(IrValue value) {
		if (!loops.isEmpty()) {
			declaredIn.put(value, loops.getLast());
		}
	}

	private void add(EObject node, IrValue target, boolean write, List<Optional<AffineForm>> indices) {
		if (target != null) {
			accesses.add(new Access(node, target, write, indices, List.copyOf(loops), accesses.size()));
		}
	}
}
