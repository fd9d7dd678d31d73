package org.allo.lang.lowering;

import org.allo.lang.scoping.Names;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.Argument;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.ForStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.LoopVar;
import org.allo.lang.allo.Referable;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.IrVar;
import org.allo.lang.schedule.LoopTable;
import org.allo.lang.validation.IssueCodes;

/**
 * {@code for} statements over {@code range}, {@code allo.grid} and {@code allo.reduction} as
 * counted IR loops, named as Allo names them (loop variable; band from LoopTable) with the
 * {@code pipeline=}/{@code unroll=} options of a grid on its innermost loop.
 */
final class LoopLowering {

	private static final IrFactory IR = IrFactory.eINSTANCE;

	private final ExpressionLowering expressions;
	private final InstanceTyping types;
	private final Map<Referable, IrValue> values;
	private final Map<LoopVar, LoopTable.Loop> loops;

	LoopLowering(ExpressionLowering expressions, InstanceTyping types,
			Map<Referable, IrValue> values, LoopTable table) {
		this.expressions = expressions;
		this.types = types;
		this.values = values;
		this.loops = new HashMap<>();
		table.loops().forEach(loop -> loops.put(loop.var(), loop));
	}

	/** The outermost loop of the nest and the block its innermost body goes into. */
	record Nest(IrFor outer, IrBlock innermostBody) {
	}

	Nest lower(ForStmt loop) {
		if (!(loop.getIterable() instanceof CallExpr call) || loop.getElse() != null
				|| !(Names.targetOf(call.getCallee()) instanceof FunctionDef iterator)) {
			throw unsupported(loop);
		}
		List<Expr> positional = call.getArgs().stream().filter(a -> a.getKeyword() == null && !a.isStar())
				.map(Argument::getValue).toList();
		return switch (iterator.getName()) {
		case "range" -> range(loop, positional);
		case "grid" -> grid(loop, call, positional, false);
		case "reduction" -> grid(loop, call, positional, true);
		default -> throw unsupported(loop);
		};
	}

	private Nest range(ForStmt loop, List<Expr> bounds) {
		if (loop.getVars().size() != 1 || bounds.isEmpty() || bounds.size() > 3) {
			throw unsupported(loop);
		}
		IrFor irLoop = loop(loop.getVars().get(0));
		irLoop.setLower(bounds.size() == 1 ? zero() : expressions.lowerAs(bounds.get(0), IR.createIrIndexType()));
		irLoop.setUpper(expressions.lowerAs(bounds.get(bounds.size() == 1 ? 0 : 1), IR.createIrIndexType()));
		if (bounds.size() == 3) {
			BigInteger step = types.integer(bounds.get(2));
			if (step == null) {
				throw unsupported(loop);
			}
			irLoop.setStep(step.longValueExact());
		}
		return new Nest(irLoop, irLoop.getBody());
	}

	private Nest grid(ForStmt loop, CallExpr call, List<Expr> extents, boolean reduction) {
		if (loop.getVars().size() != extents.size()) {
			throw unsupported(loop);
		}
		IrFor outer = null;
		IrFor inner = null;
		for (int i = 0; i < extents.size(); i++) {
			IrFor irLoop = loop(loop.getVars().get(i));
			irLoop.setLower(zero());
			irLoop.setUpper(expressions.lowerAs(extents.get(i), IR.createIrIndexType()));
			irLoop.setReduction(reduction);
			if (inner == null) {
				outer = irLoop;
			} else {
				inner.getBody().getStatements().add(irLoop);
			}
			inner = irLoop;
		}
		options(call, inner);
		return new Nest(outer, inner.getBody());
	}

	/** {@code pipeline=True} is II=1, an integer its II; {@code unroll=True} unrolls fully, an integer by that factor. */
	private void options(CallExpr call, IrFor innermost) {
		for (Argument argument : call.getArgs()) {
			Object value = types.valueOf(argument.getValue());
			if ("pipeline".equals(argument.getKeyword())) {
				innermost.setPipelineII(value instanceof BigInteger ii ? ii.intValueExact() : Boolean.TRUE.equals(value) ? 1 : 0);
			} else if ("unroll".equals(argument.getKeyword())) {
				innermost.setUnrollFactor(value instanceof BigInteger factor ? factor.intValueExact() : Boolean.TRUE.equals(value) ? 0 : -1);
			}
		}
	}

	private IrFor loop(LoopVar var) {
		IrFor irLoop = IR.createIrFor();
		IrVar induction = IR.createIrVar();
		induction.setName(var.getName());
		induction.setType(IR.createIrIndexType());
		values.put(var, induction);
		irLoop.setVar(induction);
		LoopTable.Loop entry = loops.get(var);
		irLoop.setLoopName(entry == null ? var.getName() : entry.name());
		irLoop.setBandName(entry == null ? null : entry.band());
		irLoop.setBody(IR.createIrBlock());
		return irLoop;
	}

	private static IrExpr zero() {
		return ExpressionLowering.constant(BigInteger.ZERO, null, IR.createIrIndexType());
	}

	private static LoweringError unsupported(ForStmt loop) {
		return new LoweringError(loop, IssueCodes.LOWERING_UNSUPPORTED_STATEMENT,
				"this loop cannot be lowered to the IR yet; iterate over range(...), allo.grid(...) or allo.reduction(...)");
	}
}
