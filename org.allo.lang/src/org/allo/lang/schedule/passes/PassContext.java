package org.allo.lang.schedule.passes;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.allo.lang.allo.Expr;
import org.allo.lang.allo.MemberExpr;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.StringLiteral;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Step;
import org.allo.lang.scoping.Names;
import org.allo.lang.types.ConstantEvaluator;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;

/**
 * One step being applied: its arguments by stub parameter name, resolved against the IR as the
 * earlier steps left it. Every resolution failure is a {@link ScheduleError} at the argument.
 */
public final class PassContext {

	private final ScheduleState state;
	private final Step step;
	private final Map<String, Expr> arguments;
	private final ConstantEvaluator constants;

	public PassContext(ScheduleState state, Step step, ConstantEvaluator constants) {
		this.state = state;
		this.step = step;
		this.arguments = ScheduleSteps.argumentsByParameter(step);
		this.constants = constants;
	}

	public ScheduleState state() {
		return state;
	}

	public Step step() {
		return step;
	}

	/** The argument bound to stub parameter {@code parameter}, if the call passes one. */
	public Optional<Expr> argument(String parameter) {
		return Optional.ofNullable(arguments.get(parameter));
	}

	/** Where an error about {@code parameter} is reported: the argument, else the whole call. */
	public EObject location(String parameter) {
		return argument(parameter).<EObject>map(e -> e).orElse(step.call());
	}

	/** Every positional argument of the call, in order (for star parameters such as {@code reorder(*axes)}). */
	public List<Expr> positionalArguments() {
		return step.call().getArgs().stream().filter(a -> a.getKeyword() == null).map(a -> a.getValue()).toList();
	}

	/** A compile-time integer argument, or {@code defaultValue} when the call leaves it out. */
	public long integer(String parameter, long defaultValue) throws ScheduleError {
		Optional<Expr> expr = argument(parameter);
		if (expr.isEmpty()) {
			return defaultValue;
		}
		BigInteger value = constants.integer(expr.get(), Map.of());
		if (value == null || value.bitLength() > 62) {
			throw new ScheduleError(expr.get(), IssueCodes.SCHEDULE_ARGUMENT,
					"'" + parameter + "' of " + step.name() + " must be a compile-time integer");
		}
		return value.longValue();
	}

	/** The compile-time value of an argument expression (Boolean, BigInteger, Double, String, List), or null. */
	public Object constant(Expr expr) {
		return constants.evaluate(expr, Map.of());
	}

	/** The loop an argument names: {@code "j"}, {@code "gemm:j"}, {@code "i.outer"}, a band name or a bound handle. */
	public IrFor loop(Expr reference) throws ScheduleError {
		String text = referenceText(reference);
		staleCheck(reference, text);
		return Loops.find(state, text)
				.orElseThrow(() -> new ScheduleError(reference, IssueCodes.UNKNOWN_LOOP,
						"no loop '" + text + "' in kernel '" + state.top().getSourceKernel() + "' at step " + step.number()
								+ "; its loops here: " + String.join(", ", Loops.names(state.top()))));
	}

	public IrFor loop(String parameter) throws ScheduleError {
		return loop(required(parameter));
	}

	/** The argument bound to {@code parameter}, or an error at the call saying the step needs it. */
	public Expr required(String parameter) throws ScheduleError {
		return argument(parameter).orElseThrow(() -> missing(parameter));
	}

	/** The buffer an argument names: {@code s.C}, {@code "C"}, {@code "kernel:C"} or a bound handle. */
	public IrBuffer tensor(Expr reference) throws ScheduleError {
		String text = referenceText(reference);
		return Buffers.find(state, text)
				.orElseThrow(() -> new ScheduleError(reference, IssueCodes.UNKNOWN_TENSOR,
						"no tensor '" + text + "' in kernel '" + state.top().getSourceKernel() + "' at step " + step.number()));
	}

	public IrBuffer tensor(String parameter) throws ScheduleError {
		return tensor(required(parameter));
	}

	/** The text a reference stands for: a string's value, {@code s.C}'s member name, or a bound handle's name. */
	public String referenceText(Expr reference) {
		if (reference instanceof StringLiteral string) {
			return string.getValue();
		}
		if (reference instanceof MemberExpr member) {
			return Names.nameOf(member.getMember());
		}
		if (reference instanceof NameRef name) {
			return state.handleOf(name.getRef()).orElse(Names.nameOf(name.getRef()));
		}
		return String.valueOf(constants.evaluate(reference, Map.of()));
	}

	private void staleCheck(Expr reference, String text) throws ScheduleError {
		Optional<Step> consumer = state.consumedBy(Loops.unqualified(text));
		if (consumer.isPresent()) {
			Step by = consumer.get();
			throw new ScheduleError(reference, IssueCodes.STALE_LOOP, "loop '" + text + "' no longer exists: step " + by.number()
					+ " (" + by.name() + ") replaced it; refer to the loops that step created instead");
		}
	}

	/** Marks a name consumed by this step. */
	public void consume(String name) {
		state.consume(name, step);
	}

	public ScheduleError error(EObject at, String code, String message) {
		return new ScheduleError(at, code, message);
	}

	private ScheduleError missing(String parameter) {
		return new ScheduleError(step.call(), IssueCodes.SCHEDULE_ARGUMENT, step.name() + " needs its '" + parameter + "' argument");
	}

	/** The functions a qualified name {@code kernel:x} may mean: instances of that source kernel. */
	static List<IrFunction> instancesOf(ScheduleState state, String kernel) {
		return state.module().getFunctions().stream()
				.filter(f -> kernel.equals(f.getSourceKernel()) || kernel.equals(f.getName())).toList();
	}
}
