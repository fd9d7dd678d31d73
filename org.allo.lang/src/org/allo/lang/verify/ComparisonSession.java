package org.allo.lang.verify;

import java.util.List;
import java.util.function.LongConsumer;

import org.allo.lang.ir.IrModule;

/**
 * One check: a term table and normalisers shared by every program it executes (so a baseline run
 * once serves every step), one deadline, one progress callback.
 */
final class ComparisonSession {

	private final TermTable table = new TermTable();
	private final Normaliser exact = new Normaliser(table, false);
	private final Normaliser reassociating = new Normaliser(table, true);
	private final VerifyOptions options;
	private final long deadlineNanos;
	private final LongConsumer onTick;

	ComparisonSession(VerifyOptions options, LongConsumer onTick) {
		this.options = options;
		this.deadlineNanos = System.nanoTime() + options.timeout().toNanos();
		this.onTick = onTick;
	}

	Budget budget() {
		return new Budget(deadlineNanos, onTick);
	}

	List<SymbolicOutput> run(IrModule module, Budget budget) throws CannotVerify {
		return new SymbolicExecutor(table, budget).run(module);
	}

	/** Compares a program with outputs computed before (of {@code baseline}), searching a counterexample when they differ. */
	Verdict compare(IrModule baseline, List<SymbolicOutput> before, IrModule candidate) {
		long start = System.nanoTime();
		Budget budget = budget();
		try {
			List<SymbolicOutput> after = run(candidate, budget);
			String mismatch = OutputComparison.signatureMismatch(before, after);
			if (mismatch != null) {
				return verdict(Verdict.Kind.NOT_EQUIVALENT, mismatch, null, budget, start);
			}
			OutputComparison.Result result = new OutputComparison(exact, reassociating).compare(before, after, budget);
			return switch (result.outcome()) {
			case EQUAL -> verdict(Verdict.Kind.EQUIVALENT, "", null, budget, start);
			case EQUAL_UP_TO_REASSOCIATION -> verdict(Verdict.Kind.EQUIVALENT_UP_TO_REASSOCIATION,
					"float operations are grouped differently, first at " + result.difference().place(), null, budget, start);
			case DIFFERENT -> counterexample(baseline, candidate, result.difference(), budget, start);
			};
		} catch (CannotVerify problem) {
			return verdict(problem.timedOut() ? Verdict.Kind.TIMED_OUT : Verdict.Kind.CANNOT_VERIFY, problem.getMessage(), null, budget,
					start);
		}
	}

	/** Compares two programs. */
	Verdict compare(IrModule first, IrModule second) {
		long start = System.nanoTime();
		Budget budget = budget();
		List<SymbolicOutput> before;
		try {
			before = run(first, budget);
		} catch (CannotVerify problem) {
			return verdict(problem.timedOut() ? Verdict.Kind.TIMED_OUT : Verdict.Kind.CANNOT_VERIFY, problem.getMessage(), null, budget,
					start);
		}
		Verdict verdict = compare(first, before, second);
		return new Verdict(verdict.kind(), verdict.reason(), verdict.counterexample(), verdict.operations() + budget.operations(),
				System.nanoTime() - start);
	}

	private Verdict counterexample(IrModule baseline, IrModule candidate, Difference difference, Budget budget, long start)
			throws CannotVerify {
		Counterexample found = new CounterexampleSearch(table, options.seed()).search(baseline, candidate, difference, budget);
		String where = difference.place() + (difference.count() > 1 ? " and " + (difference.count() - 1) + " more element(s)" : "");
		if (found == null) {
			return verdict(Verdict.Kind.UNPROVEN, where + " are computed by different terms, and no tried input shows a difference", null,
					budget, start);
		}
		return verdict(Verdict.Kind.NOT_EQUIVALENT, where + " differ", found, budget, start);
	}

	private static Verdict verdict(Verdict.Kind kind, String reason, Counterexample counterexample, Budget budget, long start) {
		return new Verdict(kind, reason, counterexample, budget.operations(), System.nanoTime() - start);
	}
}
