package org.allo.lang.schedule.passes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.allo.lang.ir.builder.IrNodes;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrVar;
import org.allo.lang.schedule.analysis.Access;
import org.allo.lang.schedule.analysis.DependenceAnalysis;
import org.allo.lang.schedule.analysis.DependenceTest;
import org.allo.lang.schedule.analysis.DependenceTest.Level;
import org.allo.lang.schedule.analysis.DirectionVector;
import org.allo.lang.schedule.analysis.LoopBounds;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * {@code compute_at(from_loop, target_loop)}: producer/consumer fusion. The body of the producer
 * loop moves to the start of the consumer loop's body, the producer's loop variables replaced by
 * the consumer's at each fused depth, and the producer nest disappears. Legal when both nests are
 * perfect down to the fused depth with equal constant bounds, nothing between them touches what
 * the producer touches, and the affine dependence test finds no dependence from a producer
 * iteration to an earlier consumer iteration of the fused loops (running each producer iteration
 * just before the consumer's keeps every other dependence).
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
				IrEdits.substitute(statement, producerNest.get(level).getVar(), () -> IrNodes.ref(consumerVar));
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

	/**
	 * Every producer access that depends with a consumer access (same buffer or scalar, a write on
	 * either side) must run no later than it after fusion: no direction vector over the fused
	 * levels may have the consumer's iteration first.
	 */
	private static void checkDependences(PassContext context, List<IrFor> producerNest, List<IrFor> consumerNest) throws ScheduleError {
		List<Level> levels = new ArrayList<>();
		for (int level = 0; level < producerNest.size(); level++) {
			levels.add(new Level(producerNest.get(level), consumerNest.get(level)));
		}
		LoopBounds bounds = new LoopBounds();
		List<Access> consumed = DependenceAnalysis.of(consumerNest.get(0)).accesses();
		for (Access source : DependenceAnalysis.of(producerNest.get(0)).accesses()) {
			for (Access sink : consumed) {
				if (source.target() != sink.target() || !(source.write() || sink.write())) {
					continue;
				}
				for (DirectionVector vector : DependenceTest.directions(source, sink, levels, Set.of(), bounds)) {
					if (vector.carryingLevel() >= 0 && !vector.isLexicographicallyPositive()) {
						throw refuse(context, producerNest.get(producerNest.size() - 1), consumerNest.get(consumerNest.size() - 1),
								"after fusion " + sink.describe() + " (line " + sink.line() + ") would run before " + source.describe() + " (line "
										+ source.line() + ") of a later producer iteration that it depends on (direction " + vector
										+ "); compute at an outer loop or leave the nests apart");
					}
				}
			}
		}
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

	private static ScheduleError refuse(PassContext context, IrFor producer, IrFor consumer, String why) {
		return context.error(context.step().call(), IssueCodes.SCHEDULE_COMPUTE_AT, "cannot compute '" + producer.getLoopName() + "' at '"
				+ consumer.getLoopName() + "': " + why);
	}
}
