package org.allo.lang.schedule.passes;

import java.util.List;
import java.util.Map;

import org.allo.lang.allo.Expr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.ListExpr;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.TupleExpr;
import org.allo.lang.allo.TypeParam;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.layout.LayoutService;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.ScheduleSteps.Step;
import org.allo.lang.scoping.Names;
import org.allo.lang.types.ConstantEvaluator;
import org.allo.lang.types.Templates;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.xtext.EcoreUtil2;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * {@code compose(schs, id=None, instantiate=None)}: replays each composed schedule's steps, in
 * order, on every instance of its kernel that the design calls (the instance with that id when
 * {@code id} is given; only the instances of those template arguments when {@code instantiate} is
 * given, e.g. {@code instantiate=[int32, 7]} for the calls {@code f[int32, 7](...)}). Partition steps replayed here solve with the design's layouts, where the
 * checker already met them with the design's own, so a conflict is a type error before this runs.
 */
public class ComposePass implements SchedulePass {

	/** Passes are looked up lazily: the registry holds this pass too. */
	@Inject
	private Provider<PassRegistry> passes;

	@Inject
	private ConstantEvaluator constants;

	@Inject
	private Templates templates;

	@Override
	public String primitive() {
		return "compose";
	}

	@Override
	public StepResult apply(PassContext context) throws ScheduleError {
		Module module = EcoreUtil2.getContainerOfType(context.step().call(), Module.class);
		List<Schedule> composed = LayoutService.composedSchedules(context.step(), ScheduleSteps.of(module));
		if (composed.isEmpty()) {
			throw context.error(context.location("schs"), IssueCodes.SCHEDULE_COMPOSE,
					"compose needs a schedule (or a list of schedules) made with allo.customize");
		}
		String id = context.argument("id").map(context::referenceText).orElse(null);
		for (Schedule schedule : composed) {
			List<String> instantiation = instantiation(context, schedule);
			for (IrFunction instance : instances(context, schedule, id, instantiation)) {
				replay(context, schedule, instance);
			}
		}
		return StepResult.NONE;
	}

	/** The template arguments {@code instantiate=} selects, as the instances record them; null when it is not given. */
	private List<String> instantiation(PassContext context, Schedule schedule) throws ScheduleError {
		Expr argument = context.argument("instantiate").orElse(null);
		if (argument == null) {
			return null;
		}
		FunctionDef kernel = schedule.kernel();
		List<Expr> values = argument instanceof ListExpr list ? list.getElements() : argument instanceof TupleExpr tuple ? tuple.getElements() : null;
		if (kernel == null || kernel.getTypeParams().isEmpty()) {
			throw context.error(argument, IssueCodes.SCHEDULE_ARGUMENT, "'" + (kernel == null ? "?" : kernel.getName())
					+ "' is not a template, so instantiate= selects nothing; remove it");
		}
		List<String> parameters = kernel.getTypeParams().stream().map(TypeParam::getName).toList();
		if (values == null || values.size() != parameters.size()) {
			throw context.error(argument, IssueCodes.SCHEDULE_ARGUMENT, "instantiate= must list the " + parameters.size()
					+ " template argument(s) of '" + kernel.getName() + "' " + parameters + ", e.g. instantiate=[" + String.join(", ", parameters) + "]");
		}
		Map<TypeParam, Object> binding = templates.bindExplicit(kernel, values, Map.of());
		for (int i = 0; i < values.size(); i++) {
			if (!binding.containsKey(kernel.getTypeParams().get(i))) {
				throw context.error(values.get(i), IssueCodes.SCHEDULE_ARGUMENT, "the template argument for " + parameters.get(i)
						+ " must be a constant or a type");
			}
		}
		return Lowering.templateArguments(kernel, binding);
	}

	private static List<IrFunction> instances(PassContext context, Schedule schedule, String id, List<String> instantiation) throws ScheduleError {
		String kernel = schedule.kernel() == null ? null : schedule.kernel().getName();
		int templateArity = schedule.kernel() == null ? 0 : schedule.kernel().getTypeParams().size();
		List<IrFunction> instances = context.state().module().getFunctions().stream()
				.filter(f -> !f.isTop() && f.getSourceKernel() != null && f.getSourceKernel().equals(kernel))
				.filter(f -> id == null || f.getInstanceArgs().contains(id))
				.filter(f -> instantiation == null || f.getInstanceArgs().size() >= templateArity
						&& f.getInstanceArgs().subList(0, templateArity).equals(instantiation))
				.toList();
		if (instances.isEmpty()) {
			throw context.error(context.location("schs"), IssueCodes.SCHEDULE_COMPOSE, "schedule '" + Names.nameOf(schedule.binding())
					+ "' customises '" + kernel + "', which kernel '" + context.state().top().getSourceKernel() + "' never calls"
					+ (id == null ? "" : " with instance id '" + id + "'") + (instantiation == null ? "" : " instantiated as " + instantiation)
					+ "; compose schedules of the kernels it calls");
		}
		return instances;
	}

	/** Applies a composed schedule's steps to one instance; a refusal is reported at the compose step. */
	private void replay(PassContext context, Schedule schedule, IrFunction instance) throws ScheduleError {
		ScheduleState state = new ScheduleState(context.state().module(), instance, context.state().design());
		for (Step step : schedule.steps()) {
			PassRegistry registry = passes.get();
			if (!registry.transforms(step.name())) {
				continue;
			}
			SchedulePass pass = registry.pass(step.name()).orElseThrow(() -> context.error(context.step().call(),
					IssueCodes.SCHEDULE_UNSUPPORTED, "step " + step.number() + " of '" + Names.nameOf(schedule.binding()) + "' (" + step.name()
							+ ") cannot be applied yet; remove it to compose this schedule"));
			try {
				ScheduleApplier.bindResult(state, step, pass.apply(new PassContext(state, step, constants)));
			} catch (ScheduleError error) {
				throw context.error(context.step().call(), error.code(), "composing '" + Names.nameOf(schedule.binding()) + "' into '"
						+ instance.getName() + "': step " + step.number() + " (" + step.name() + ") is refused there: " + error.getMessage());
			}
		}
	}
}
