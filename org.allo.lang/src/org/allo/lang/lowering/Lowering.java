package org.allo.lang.lowering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.TypeParam;
import org.allo.lang.dataflow.DataflowSyntax;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.scoping.Stdlib;
import org.allo.lang.types.ConstantEvaluator;
import org.allo.lang.types.MetaBranches;
import org.allo.lang.types.Templates;
import org.allo.lang.types.Type;
import org.allo.lang.types.TypeComputer;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;

import com.google.inject.Inject;

/**
 * Lowers a checked kernel and the kernels it calls to an IR module (issue 4): one function per
 * kernel instance, the called ones first, the requested one marked top. A template is lowered
 * with the arguments of the file's {@code allo.customize(K, instantiate=[...])}. What the
 * lowering does not cover yet is reported as a diagnostic, never thrown at the caller. A
 * {@code @df.region} is lowered by {@link RegionLowering}.
 */
public class Lowering {

	@Inject
	private TypeComputer computer;

	@Inject
	private ConstantEvaluator constants;

	@Inject
	private Templates templates;

	@Inject
	private Stdlib stdlib;

	@Inject
	private Instantiations instantiations;

	@Inject
	private MetaBranches metaBranches;

	@Inject
	private DataflowSyntax dataflow;

	/**
	 * One kernel with its template parameters bound; calls with an instance id ({@code f[T, 4, "id"]})
	 * get their own function, as in Allo, so that {@code compose(..., id=...)} schedules only them.
	 */
	private record Instance(FunctionDef kernel, Map<TypeParam, Object> binding, String id) {
	}

	public LoweringResult lower(FunctionDef kernel) {
		IrModule module = IrFactory.eINSTANCE.createIrModule();
		module.setName(kernel.getName());
		Map<Instance, IrFunction> lowered = new LinkedHashMap<>();
		try {
			if (dataflow.isRegion(kernel)) {
				return region(kernel, module, lowered);
			}
			Map<TypeParam, Object> binding = kernel.getTypeParams().isEmpty() ? Map.of()
					: instantiations.of(kernel);
			IrFunction top = lower(new Instance(kernel, binding, null), kernel, module, lowered);
			top.setTop(true);
			module.getFunctions().addAll(lowered.values());
			return new LoweringResult(module, List.of());
		} catch (LoweringError error) {
			return new LoweringResult(null, List.of(error.diagnostic()));
		}
	}

	/** A region: the kernels its instances call, the instances, then the region function, marked top. */
	private LoweringResult region(FunctionDef kernel, IrModule module, Map<Instance, IrFunction> lowered) {
		List<StreamUse> uses = new ArrayList<>();
		RegionLowering region = new RegionLowering(kernel, computer, services(), module,
				(callee, binding, callSite) -> lower(new Instance(callee, binding, instanceId(callSite)), callSite, module, lowered),
				uses);
		IrFunction top = region.lower();
		top.setTop(true);
		module.getFunctions().addAll(lowered.values());
		module.getFunctions().addAll(region.instances());
		module.getFunctions().add(top);
		return new LoweringResult(module, List.of(), uses);
	}

	private LoweringServices services() {
		return new LoweringServices(constants, templates, stdlib, metaBranches, dataflow);
	}

	private IrFunction lower(Instance instance, EObject site, IrModule module, Map<Instance, IrFunction> lowered) {
		IrFunction existing = lowered.get(instance);
		if (existing != null) {
			return existing;
		}
		FunctionDef kernel = instance.kernel();
		if (instance.binding().size() != kernel.getTypeParams().size()) {
			throw new LoweringError(site, IssueCodes.LOWERING_TEMPLATE, "the template arguments of kernel '"
					+ kernel.getName() + "' are not all known here; pass them explicitly, e.g. " + kernel.getName() + "[int32, 16](...)");
		}
		List<String> args = new ArrayList<>(kernel.getTypeParams().stream().map(param -> text(instance.binding().get(param))).toList());
		if (instance.id() != null) {
			args.add(instance.id());
		}
		String name = args.isEmpty() ? kernel.getName()
				: kernel.getName() + "_" + String.join("_", args).replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_$", "");
		KernelLowering lowering = new KernelLowering(kernel, name, args,
				new InstanceTyping(computer, constants, instance.binding()), services(), module,
				(callee, binding, callSite) -> lower(new Instance(callee, binding, instanceId(callSite)), callSite, module, lowered),
				StreamPorts.none());
		IrFunction function = lowering.signature();
		lowering.body();
		lowered.put(instance, function);
		return function;
	}

	private static String instanceId(EObject callSite) {
		return callSite instanceof CallExpr call ? Templates.instanceId(call) : null;
	}

	private static String text(Object value) {
		return value instanceof Type type ? type.display() : String.valueOf(value);
	}
}
