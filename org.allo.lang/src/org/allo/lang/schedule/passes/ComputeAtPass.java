package org.allo.lang.schedule.passes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.allo.lang.ir.IrAssign;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.IrVarRef;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * {@code compute_at(from_loop, target_loop)}: producer/consumer fusion. The body of the producer
 * loop moves to the start of the consumer loop's body, the producer's loop variables replaced by
 * the consumer's at each fused depth, and the producer nest disappears. Legal when both nests are
 * perfect down to the fused depth with equal constant bounds, nothing between them touches what
 * the producer touches, and every tensor the two bodies share (with a write in either) is indexed
 * by the fused loop variables at the same positions in every access: then iteration {@code p} of
 * the producer and {@code q != p} of the consumer touch different elements, so running the
 * producer's iteration just before the consumer's keeps every dependence.
 */
public class ComputeAtPass implements SchedulePass {

	@Override
	public String primitive() {
		return "compute_at";
	}

	@Override
	public StepResult apply(PassContext context) throws ScheduleError {
		IrFor producer = context.loop("from_loop");
		IrFor consumer = context.loop("target_loop");
		List<IrFor> producerNest = nest(producer);
		List<IrFor> consumerNest = nest(consumer);
		checkShape(context, producer, consumer, producerNest, consumerNest);
		checkBetween(context, producerNest.get(0), consumerNest.get(0), producer);
		checkDependences(context, producerNest, consumerNest);
		List<IrStatement> moved = new ArrayList<>(producer.getBody().getStatements());
		for (int level = 0; level < producerNest.size(); level++) {
			IrVar consumerVar = consumerNest.get(level).getVar();
			for (IrStatement statement : moved) {
				IrEdits.substitute(statement, producerNest.get(level).getVar(), () -> IrEdits.ref(consumerVar));
			}
		}
		consumer.getBody().getStatements().addAll(0, moved);
		EcoreUtil.remove(producerNest.get(0));
		for (IrFor loop : producerNest) {
			context.consume(loop.getLoopName());
		}
		return StepResult.NONE;
	}

	/** The loops from the outermost one around {@code loop} down to {@code loop}. */
	private static List<IrFor> nest(IrFor loop) {
		List<IrFor> nest = new ArrayList<>(IrEdits.enclosingLoops(loop));
		nest.add(loop);
		return nest;
	}

	private static void checkShape(PassContext context, IrFor producer, IrFor consumer, List<IrFor> producerNest, List<IrFor> consumerNest)
			throws ScheduleError {
		if (producerNest.get(0) == consumerNest.get(0)) {
			throw refuse(context, producer, consumer, "they are in the same loop nest");
		}
		if (producerNest.size() != consumerNest.size()) {
			throw refuse(context, producer, consumer, "'" + producer.getLoopName() + "' is at depth " + producerNest.size() + " and '"
					+ consumer.getLoopName() + "' at depth " + consumerNest.size() + "; compute_at fuses loops of the same depth");
		}
		for (int level = 0; level < producerNest.size(); level++) {
			IrFor p = producerNest.get(level);
			IrFor q = consumerNest.get(level);
			Long pTrips = IrEdits.tripCount(p);
			if (pTrips == null || !pTrips.equals(IrEdits.tripCount(q)) || !Objects.equals(IrEdits.constantOf(p.getLower()), IrEdits.constantOf(q.getLower()))
					|| p.getStep() != q.getStep()) {
				throw refuse(context, producer, consumer, "the loop bounds of '" + p.getLoopName() + "' and '" + q.getLoopName()
						+ "' are not the same constants");
			}
			if (level + 1 < producerNest.size() && (!onlyChild(p, producerNest.get(level + 1)) || !onlyChild(q, consumerNest.get(level + 1)))) {
				throw refuse(context, producer, consumer, "the nests are not perfect down to the fused depth (loop '"
						+ (onlyChild(p, producerNest.get(level + 1)) ? q : p).getLoopName() + "' holds other statements)");
			}
		}
		IrFor producerTop = producerNest.get(0);
		IrFor consumerTop = consumerNest.get(0);
		if (producerTop.eContainer() != consumerTop.eContainer() || indexOf(producerTop) > indexOf(consumerTop)) {
			throw refuse(context, producer, consumer, "the producer nest must come before the consumer nest in the same block");
		}
	}

	private static boolean onlyChild(IrFor parent, IrFor child) {
		return parent.getBody().getStatements().size() == 1 && parent.getBody().getStatements().get(0) == child;
	}

	private static int indexOf(IrStatement statement) {
		return ((IrBlock) statement.eContainer()).getStatements().indexOf(statement);
	}

	/** Statements between the nests must not touch what the producer touches: they would run before it now. */
	private static void checkBetween(PassContext context, IrFor producerTop, IrFor consumerTop, IrFor producer) throws ScheduleError {
		List<IrStatement> siblings = ((IrBlock) producerTop.eContainer()).getStatements();
		Set<IrBuffer> touched = buffersOf(producer.getBody());
		for (IrStatement between : siblings.subList(indexOf(producerTop) + 1, indexOf(consumerTop))) {
			for (IrBuffer buffer : touched) {
				if (IrEdits.uses(between, buffer)) {
					throw context.error(context.step().call(), IssueCodes.SCHEDULE_COMPUTE_AT, "cannot compute '" + producer.getLoopName()
							+ "' at the consumer: line " + between.getLine() + ", between the two nests, uses " + buffer.getName()
							+ ", which the producer touches; move that statement before the producer first");
				}
			}
		}
	}

	private static void checkDependences(PassContext context, List<IrFor> producerNest, List<IrFor> consumerNest) throws ScheduleError {
		IrFor producer = producerNest.get(producerNest.size() - 1);
		IrFor consumer = consumerNest.get(consumerNest.size() - 1);
		Set<IrVar> sharedScalars = assigned(producer.getBody());
		sharedScalars.addAll(assigned(consumer.getBody()));
		for (IrVar scalar : sharedScalars) {
			if (!EcoreUtil.isAncestor(producer, scalar) && !EcoreUtil.isAncestor(consumer, scalar)
					&& IrEdits.references(producer.getBody(), scalar) && IrEdits.references(consumer.getBody(), scalar)) {
				throw refuse(context, producer, consumer, "both use the scalar " + scalar.getName() + ", which one of them assigns");
			}
		}
		for (IrBuffer buffer : buffersOf(producer.getBody())) {
			if (!buffersOf(consumer.getBody()).contains(buffer) || (!written(producer, buffer) && !written(consumer, buffer))) {
				continue;
			}
			List<EObject> accesses = accesses(producer.getBody(), buffer);
			List<EObject> consumerAccesses = accesses(consumer.getBody(), buffer);
			for (int level = 0; level < producerNest.size(); level++) {
				if (!sameFusedPosition(accesses, producerNest.get(level).getVar(), consumerAccesses, consumerNest.get(level).getVar())) {
					EObject culprit = firstWithout(accesses, producerNest.get(level).getVar(), consumerAccesses, consumerNest.get(level).getVar());
					throw refuse(context, producer, consumer, "fusing would reorder accesses to " + buffer.getName() + ": "
							+ IrEdits.describe(culprit) + " does not index it by the fused loop variable '" + consumerNest.get(level).getVar().getName()
							+ "' at the position every other access does, so a consumer iteration could read what a later producer iteration writes");
				}
			}
		}
	}

	private static boolean written(IrFor loop, IrBuffer buffer) {
		return !IrEdits.stores(loop.getBody(), buffer).isEmpty();
	}

	/** Whether some dimension is indexed exactly by the level's variable in every access of both nests. */
	private static boolean sameFusedPosition(List<EObject> producerAccesses, IrVar producerVar, List<EObject> consumerAccesses, IrVar consumerVar) {
		Set<Integer> positions = null;
		for (EObject access : producerAccesses) {
			positions = intersect(positions, positionsOf(access, producerVar));
		}
		for (EObject access : consumerAccesses) {
			positions = intersect(positions, positionsOf(access, consumerVar));
		}
		return positions != null && !positions.isEmpty();
	}

	private static EObject firstWithout(List<EObject> producerAccesses, IrVar producerVar, List<EObject> consumerAccesses, IrVar consumerVar) {
		Set<Integer> reference = positionsOf(producerAccesses.get(0), producerVar);
		for (EObject access : consumerAccesses) {
			if (intersect(new HashSet<>(reference), positionsOf(access, consumerVar)).isEmpty()) {
				return access;
			}
		}
		for (EObject access : producerAccesses) {
			if (positionsOf(access, producerVar).isEmpty()) {
				return access;
			}
		}
		return consumerAccesses.get(0);
	}

	private static Set<Integer> intersect(Set<Integer> positions, Set<Integer> more) {
		if (positions == null) {
			return new LinkedHashSet<>(more);
		}
		positions.retainAll(more);
		return positions;
	}

	private static Set<Integer> positionsOf(EObject access, IrVar var) {
		Set<Integer> positions = new LinkedHashSet<>();
		List<IrExpr> indices = IrEdits.indicesOf(access);
		for (int d = 0; d < indices.size(); d++) {
			if (indices.get(d) instanceof IrVarRef ref && ref.getVar() == var) {
				positions.add(d);
			}
		}
		return positions;
	}

	private static List<EObject> accesses(EObject root, IrBuffer buffer) {
		List<EObject> accesses = new ArrayList<>(IrEdits.stores(root, buffer));
		accesses.addAll(IrEdits.loads(root, buffer));
		return accesses;
	}

	private static Set<IrBuffer> buffersOf(EObject root) {
		Set<IrBuffer> buffers = new LinkedHashSet<>();
		EcoreUtil.getAllContents(root, false).forEachRemaining(node -> {
			if (node instanceof IrLoad load) {
				buffers.add(load.getBuffer());
			} else if (node instanceof IrStore store) {
				buffers.add(store.getBuffer());
			}
		});
		return buffers;
	}

	private static Set<IrVar> assigned(EObject root) {
		Set<IrVar> vars = new LinkedHashSet<>();
		EcoreUtil.getAllContents(root, false).forEachRemaining(node -> {
			if (node instanceof IrAssign assign) {
				vars.add(assign.getTarget());
			}
		});
		return vars;
	}

	private static ScheduleError refuse(PassContext context, IrFor producer, IrFor consumer, String why) {
		return context.error(context.step().call(), IssueCodes.SCHEDULE_COMPUTE_AT, "cannot compute '" + producer.getLoopName() + "' at '"
				+ consumer.getLoopName() + "': " + why);
	}
}
