package org.allo.lang.schedule.passes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrIndexType;
import org.allo.lang.ir.IrReturn;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.IrVarRef;
import org.allo.lang.ir.builder.IrNodes;
import org.allo.lang.schedule.analysis.AffineForm;
import org.allo.lang.schedule.analysis.LoopBounds;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/** What the loop passes share: perfect nests, constant trip counts, index arithmetic, variable substitution. */
public final class LoopNests {

	private LoopNests() {
	}

	/** {@code outer} and each loop that is the only statement of the previous one's body, outermost first. */
	public static List<IrFor> perfectNest(IrFor outer) {
		List<IrFor> nest = new ArrayList<>();
		IrFor current = outer;
		while (true) {
			nest.add(current);
			if (current.getBody().getStatements().size() == 1 && current.getBody().getStatements().get(0) instanceof IrFor inner) {
				current = inner;
			} else {
				return nest;
			}
		}
	}

	/** The loop's constant lower bound, or a located error saying {@code primitive} needs one. */
	public static long constantLower(IrFor loop, PassContext context, EObject at) throws ScheduleError {
		Optional<AffineForm> lower = AffineForm.of(loop.getLower(), var -> false);
		if (lower.isEmpty()) {
			throw boundsError(loop, context, at);
		}
		return lower.get().constant();
	}

	/** The loop's trip count when its bounds are constants, or a located error saying {@code primitive} needs them. */
	public static long constantTripCount(IrFor loop, PassContext context, EObject at) throws ScheduleError {
		return LoopBounds.constantTripCount(loop).orElseThrow(() -> boundsError(loop, context, at));
	}

	private static ScheduleError boundsError(IrFor loop, PassContext context, EObject at) {
		return context.error(at, IssueCodes.SCHEDULE_BOUNDS, context.step().name() + " needs constant bounds, but the bounds of loop '"
				+ loop.getLoopName() + "' change with an enclosing loop or at run time; " + context.step().name()
				+ " a loop with compile-time bounds");
	}

	/** Whether any expression under {@code root} reads one of {@code vars}. */
	public static boolean reads(EObject root, Collection<IrVar> vars) {
		if (root instanceof IrVarRef ref && vars.contains(ref.getVar())) {
			return true;
		}
		for (var contents = EcoreUtil.getAllContents(root, false); contents.hasNext();) {
			if (contents.next() instanceof IrVarRef ref && vars.contains(ref.getVar())) {
				return true;
			}
		}
		return false;
	}

	/** Whether the nest under {@code root} can leave early: moving its iterations around would change what it returns. */
	public static boolean returnsEarly(EObject root) {
		for (var contents = EcoreUtil.getAllContents(root, false); contents.hasNext();) {
			if (contents.next() instanceof IrReturn) {
				return true;
			}
		}
		return false;
	}

	/** Replaces every read of {@code var} under {@code root} by a fresh copy of {@code replacement}. */
	public static void substitute(EObject root, IrVar var, Supplier<IrExpr> replacement) {
		List<IrVarRef> refs = new ArrayList<>();
		for (var contents = EcoreUtil.getAllContents(root, false); contents.hasNext();) {
			if (contents.next() instanceof IrVarRef ref && ref.getVar() == var) {
				refs.add(ref);
			}
		}
		for (IrVarRef ref : refs) {
			EcoreUtil.replace(ref, replacement.get());
		}
	}

	public static IrIndexType indexType() {
		return IrFactory.eINSTANCE.createIrIndexType();
	}

	public static IrVar indexVar(String name) {
		return IrNodes.var(name, indexType());
	}

	public static IrExpr constant(long value) {
		return IrNodes.constant(value, indexType());
	}

	/** {@code left op right} on indices, folding the neutral cases ({@code x * 1}, {@code 0 + x}) so the IR stays readable. */
	public static IrExpr index(IrBinaryOp op, IrExpr left, IrExpr right) {
		if ((op == IrBinaryOp.MUL || op == IrBinaryOp.FLOOR_DIV) && isConstant(right, 1)) {
			return left;
		}
		if (op == IrBinaryOp.ADD && isConstant(left, 0)) {
			return right;
		}
		if (op == IrBinaryOp.ADD && isConstant(right, 0)) {
			return left;
		}
		return IrNodes.binary(op, left, right, indexType());
	}

	private static boolean isConstant(IrExpr expr, long value) {
		return AffineForm.of(expr, var -> false).filter(form -> form.constant() == value).isPresent();
	}

	/** A new loop over {@code range(trip)} with a fresh index variable, named {@code name} in schedules. */
	public static IrFor loop(String name, String varName, long trip, String band) {
		IrFor loop = IrNodes.loop(indexVar(varName), trip);
		loop.setLoopName(name);
		loop.setBandName(band);
		return loop;
	}
}
