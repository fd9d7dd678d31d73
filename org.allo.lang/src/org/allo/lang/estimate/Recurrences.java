package org.allo.lang.estimate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.allo.lang.ir.IrAssign;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrDeclare;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.IrVarRef;
import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * Loop-carried dependences of a region and the II they force: a scalar declared outside the loop
 * and updated from its own value ({@code acc = acc + x}), or an array element read and written at
 * the same indices that do not use the loop's variable ({@code C[i, j] += ...} under a loop over
 * {@code k}), so the next iteration must wait for this one's update. The II is the latency of the
 * update (read, the operators between read and write at their recurrence latencies, and the
 * store's cycles on a recurrence); when the update sits in unrolled loops whose variables it does
 * not use, their copies chain one after the other within the iteration and the recurrence is that
 * many updates long.
 */
final class Recurrences {

	private Recurrences() {
	}

	/**
	 * The recurrences of {@code region}'s loop, the longest first. {@code forwarded}: between the
	 * unrolled copies of one iteration HLS forwards the value in a register, so only the operators
	 * between read and write count, at their full latencies; across pipeline iterations the
	 * memory's read and {@code storeLatency} do too, and the operators count at their recurrence
	 * latencies.
	 */
	static List<IiLimit> limits(Region region, ExpressionCosts costs, long storeLatency, boolean forwarded) {
		List<IiLimit> limits = new ArrayList<>();
		IrFor loop = region.loop();
		loop.getBody().eAllContents().forEachRemaining(node -> {
			if (node instanceof IrAssign assign && assign.getTarget() != null && !declaredInside(assign.getTarget(), loop)) {
				scalar(region, costs, !forwarded, assign, limits);
			} else if (node instanceof IrStore store && store.getBuffer() != null) {
				element(region, costs, forwarded ? 0 : storeLatency, forwarded, store, limits);
			}
		});
		limits.sort((a, b) -> Integer.compare(b.ii(), a.ii()));
		return limits;
	}

	private static void scalar(Region region, ExpressionCosts costs, boolean carried, IrAssign assign, List<IiLimit> limits) {
		IrVarRef read = find(assign.getValue(), IrVarRef.class, ref -> ref.getVar() == assign.getTarget());
		if (read == null) {
			return;
		}
		long path = costs.path(assign.getValue(), read, carried);
		long chain = chained(region, assign, Set.of());
		long ii = Math.max(1, chain * path);
		limits.add(new IiLimit(IiLimit.Kind.RECURRENCE, (int) ii, "recurrence through " + assign.getTarget().getName() + ": "
				+ describe(chain, path) + " = " + ii + " cycles before the next iteration can use it"));
	}

	private static void element(Region region, ExpressionCosts costs, long storeLatency, boolean forwarded, IrStore store,
			List<IiLimit> limits) {
		IrFor loop = region.loop();
		if (usesVariable(store.getIndices(), loop.getVar())) {
			return;
		}
		IrLoad read = find(store.getValue(), IrLoad.class,
				load -> load.getBuffer() == store.getBuffer() && EcoreUtil.equals(load.getIndices(), store.getIndices()));
		if (read == null) {
			return;
		}
		Set<IrVar> indexVars = new HashSet<>();
		store.getIndices().forEach(index -> indexVars.addAll(Region.variables(index)));
		long path = costs.path(store.getValue(), read, !forwarded);
		long chain = chained(region, store, indexVars);
		long readLatency = forwarded ? 0 : costs.readLatency(store.getBuffer());
		long ii = Math.max(1, readLatency + chain * path + storeLatency);
		IrBuffer buffer = store.getBuffer();
		limits.add(new IiLimit(IiLimit.Kind.RECURRENCE, (int) ii, "recurrence through " + buffer.getName()
				+ " (the same element every iteration of " + loop.getLoopName() + "): read " + readLatency + " + " + describe(chain, path)
				+ " + write " + storeLatency + " = " + ii + " cycles; reorder so that " + loop.getLoopName()
				+ " indexes it, or accumulate in a register"));
	}

	private static String describe(long chain, long path) {
		return chain > 1 ? chain + " chained updates x " + path + " cycles" : "update " + path + " cycles";
	}

	/** The copies of {@code node} that update one value one after another: the unrolled loops around it whose variables its indices do not use. */
	private static long chained(Region region, EObject node, Set<IrVar> indexVars) {
		long count = 1;
		for (EObject parent = node.eContainer(); parent != null && parent != region.loop(); parent = parent.eContainer()) {
			if (parent instanceof IrFor inner && !indexVars.contains(inner.getVar())) {
				count *= region.copiesOf(inner.getVar());
			}
		}
		return count;
	}

	private static boolean usesVariable(EList<IrExpr> indices, IrVar var) {
		return indices.stream().anyMatch(index -> Region.variables(index).contains(var));
	}

	private static boolean declaredInside(IrVar var, IrFor loop) {
		return var.eContainer() instanceof IrDeclare && EcoreUtil.isAncestor(loop, var.eContainer()) || var.eContainer() == loop;
	}

	private static <T extends EObject> T find(IrExpr root, Class<T> type, Predicate<T> test) {
		if (type.isInstance(root) && test.test(type.cast(root))) {
			return type.cast(root);
		}
		var contents = root.eAllContents();
		while (contents.hasNext()) {
			EObject node = contents.next();
			if (type.isInstance(node) && test.test(type.cast(node))) {
				return type.cast(node);
			}
		}
		return null;
	}
}
