package org.allo.lang.schedule.passes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrConstant;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.IrVarRef;
import org.allo.lang.ir.builder.IrNodes;
import org.allo.lang.ir.printer.IrExpressions;
import org.allo.lang.schedule.analysis.AffineForm;
import org.allo.lang.schedule.analysis.LoopBounds;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/** Index arithmetic, access queries and substitutions the memory passes share. */
public final class IrEdits {

	private IrEdits() {
	}

	public static IrConstant index(long value) {
		return IrNodes.constant(value, IrFactory.eINSTANCE.createIrIndexType());
	}

	/** {@code left op right} on indices, folding constants so that rewritten accesses stay readable. */
	public static IrExpr arith(IrBinaryOp op, IrExpr left, IrExpr right) {
		Long l = constantOf(left);
		Long r = constantOf(right);
		if (l != null && r != null) {
			return index(fold(op, l, r));
		}
		if (r != null && ((r == 0 && (op == IrBinaryOp.ADD || op == IrBinaryOp.SUB)) || (r == 1 && (op == IrBinaryOp.MUL || op == IrBinaryOp.FLOOR_DIV)))) {
			return left;
		}
		if (l != null && ((l == 0 && op == IrBinaryOp.ADD) || (l == 1 && op == IrBinaryOp.MUL))) {
			return right;
		}
		return IrNodes.binary(op, left, right, IrFactory.eINSTANCE.createIrIndexType());
	}

	private static long fold(IrBinaryOp op, long l, long r) {
		return switch (op) {
		case ADD -> l + r;
		case SUB -> l - r;
		case MUL -> l * r;
		case FLOOR_DIV -> Math.floorDiv(l, r);
		case MOD -> l % r;
		default -> throw new IllegalArgumentException("not an index operation: " + op);
		};
	}

	/** An affine form as index arithmetic: {@code r + 2 * c - 1}. */
	public static IrExpr expressionOf(AffineForm form) {
		IrExpr sum = null;
		for (Map.Entry<IrVar, Long> term : form.coefficients().entrySet()) {
			IrExpr product = arith(IrBinaryOp.MUL, IrNodes.ref(term.getKey()), index(term.getValue()));
			sum = sum == null ? product : arith(IrBinaryOp.ADD, sum, product);
		}
		long constant = form.constant();
		if (sum == null) {
			return index(constant);
		}
		return constant == 0 ? sum : arith(constant > 0 ? IrBinaryOp.ADD : IrBinaryOp.SUB, sum, index(Math.abs(constant)));
	}

	/** The value of an integer constant expression, or null. */
	public static Long constantOf(IrExpr expr) {
		return expr instanceof IrConstant constant && constant.getInteger() != null && constant.getInteger().bitLength() < 63
				? constant.getInteger().longValue() : null;
	}
	/** The constant trip count of a loop with constant bounds, or null. */
	public static Long tripCount(IrFor loop) {
		return LoopBounds.constantTripCount(loop).orElse(null);
	}

	/** A loop {@code for name in range(extent)} with an index induction variable. */
	public static IrFor loop(String name, long extent) {
		return IrNodes.loop(IrNodes.var(name, IrFactory.eINSTANCE.createIrIndexType()), extent);
	}

	public static long[] shape(IrBuffer buffer) {
		return buffer.getType() instanceof IrTensorType tensor ? tensor.getShape().stream().mapToLong(Long::longValue).toArray()
				: new long[0];
	}

	public static long elements(long[] shape) {
		long count = 1;
		for (long size : shape) {
			count *= size;
		}
		return count;
	}

	public static List<IrLoad> loads(EObject root, IrBuffer buffer) {
		List<IrLoad> loads = new ArrayList<>();
		EcoreUtil.getAllContents(root, false).forEachRemaining(node -> {
			if (node instanceof IrLoad load && load.getBuffer() == buffer) {
				loads.add(load);
			}
		});
		return loads;
	}

	public static List<IrStore> stores(EObject root, IrBuffer buffer) {
		List<IrStore> stores = new ArrayList<>();
		EcoreUtil.getAllContents(root, false).forEachRemaining(node -> {
			if (node instanceof IrStore store && store.getBuffer() == buffer) {
				stores.add(store);
			}
		});
		return stores;
	}

	/** Whether {@code root} reads or writes {@code buffer}; a whole-buffer load (a call argument) counts. */
	public static boolean uses(EObject root, IrBuffer buffer) {
		return !loads(root, buffer).isEmpty() || !stores(root, buffer).isEmpty();
	}

	/** Replaces every use of {@code var} in {@code root} (itself included) by a fresh expression. */
	public static void substitute(EObject root, IrVar var, Supplier<IrExpr> replacement) {
		for (IrVarRef ref : refsTo(root, var)) {
			EcoreUtil.replace(ref, replacement.get());
		}
	}

	/** Whether {@code root} (itself included) uses {@code var}. */
	public static boolean references(EObject root, IrVar var) {
		return !refsTo(root, var).isEmpty();
	}

	private static List<IrVarRef> refsTo(EObject root, IrVar var) {
		List<IrVarRef> refs = new ArrayList<>();
		EcoreUtil.getAllContents(List.of(root), false).forEachRemaining(node -> {
			if (node instanceof IrVarRef ref && ref.getVar() == var) {
				refs.add(ref);
			}
		});
		return refs;
	}

	/** The source line of the statement that contains a node (0 when unknown). */
	public static int lineOf(EObject node) {
		EObject current = node;
		while (current != null && !(current instanceof IrStatement)) {
			current = current.eContainer();
		}
		return current == null ? 0 : ((IrStatement) current).getLine();
	}

	/** An access as messages show it: {@code B[k, j] (line 12)}. */
	public static String describe(EObject access) {
		String text = access instanceof IrLoad load ? load.getBuffer().getName() + IrExpressions.indicesOrEmpty(load.getIndices())
				: ((IrStore) access).getBuffer().getName() + IrExpressions.indicesOrEmpty(((IrStore) access).getIndices());
		return text + " (line " + lineOf(access) + ")";
	}

	/** The indices of a load or store. */
	public static List<IrExpr> indicesOf(EObject access) {
		return access instanceof IrLoad load ? load.getIndices() : ((IrStore) access).getIndices();
	}

	/** A loop name not used in {@code function} yet: {@code base}, else {@code base_1}, {@code base_2}... */
	public static String freshLoopName(IrFunction function, String base) {
		List<String> taken = Loops.names(function);
		String name = base;
		for (int i = 1; taken.contains(name); i++) {
			name = base + "_" + i;
		}
		return name;
	}

	/** A buffer name not used in {@code function} yet. */
	public static String freshBufferName(IrFunction function, String base) {
		String name = base;
		for (int i = 1; Buffers.byName(function, name).isPresent(); i++) {
			name = base + "_" + i;
		}
		return name;
	}

	/** Whether some node under {@code root} is a {@code type}. */
	public static boolean contains(EObject root, Class<?> type) {
		for (EObject node : (Iterable<EObject>) () -> EcoreUtil.getAllContents(root, false)) {
			if (type.isInstance(node)) {
				return true;
			}
		}
		return false;
	}

	/** The function that contains a node. */
	public static IrFunction functionOf(EObject node) {
		EObject current = node;
		while (current != null && !(current instanceof IrFunction)) {
			current = current.eContainer();
		}
		return (IrFunction) current;
	}

	/** The loops enclosing {@code node}, outermost first. */
	public static List<IrFor> enclosingLoops(EObject node) {
		List<IrFor> loops = new ArrayList<>();
		for (EObject current = node.eContainer(); current != null; current = current.eContainer()) {
			if (current instanceof IrFor loop) {
				loops.add(0, loop);
			}
		}
		return loops;
	}
}
