package org.allo.lang.schedule.passes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.Referable;
import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrDimLayout;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrLayout;
import org.allo.lang.ir.IrPartitionKind;
import org.allo.lang.ir.IrValue;
import org.allo.lang.layout.DimLayout;
import org.allo.lang.layout.Layout;
import org.allo.lang.layout.LayoutService;
import org.allo.lang.layout.LayoutSolution;
import org.allo.lang.layout.LayoutVariable;
import org.allo.lang.layout.ModuleLayouts;
import org.allo.lang.layout.PartitionStep;
import org.allo.lang.scoping.Members;
import org.allo.lang.scoping.Names;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.EcoreUtil2;

import com.google.inject.Inject;

/**
 * {@code partition(target, partition_type, dim, factor)}: sets buffer layouts. A kernel tensor's
 * layout is what the layout solver infers for the design after this step, written to every buffer
 * of every instance it reaches through calls and aliases, so the IR agrees with the checker. A
 * buffer a pass created (a reuse buffer) is not seen by the checker: its arguments are checked
 * here and its layout set directly.
 */
public class PartitionPass implements SchedulePass {

	@Inject
	private LayoutService layouts;

	@Inject
	private Members members;

	@Override
	public String primitive() {
		return "partition";
	}

	@Override
	public StepResult apply(PassContext context) throws ScheduleError {
		IrBuffer target = context.tensor("target");
		Optional<LayoutSolution> solution = layouts.solutionAfter(context.state().design(), context.step());
		if (solution.isPresent()) {
			applySolution(context.state(), solution.get());
		} else {
			target.setLayout(requested(context, target));
		}
		return StepResult.NONE;
	}

	/** The layout a step asks for on a buffer the checker does not know, with the checker's argument rules. */
	private static IrLayout requested(PassContext context, IrBuffer target) throws ScheduleError {
		PartitionStep step = PartitionStep.of(context.step(), null);
		long[] shape = IrEdits.shape(target);
		if (step.kind() == null) {
			throw context.error(context.location("partition_type"), IssueCodes.SCHEDULE_ARGUMENT,
					"partition_type must be Partition.Complete, Partition.Block or Partition.Cyclic");
		}
		if (!step.hasValidFactor() || (step.kind() != DimLayout.Kind.COMPLETE && step.factor() == null)) {
			throw context.error(context.location("factor"), IssueCodes.LAYOUT_INVALID_FACTOR, step.kind() + " partition of "
					+ target.getName() + " needs factor >= 1, not " + step.factor() + "; give factor=N, or use Partition.Complete");
		}
		if (step.dim() == null || step.dim() < 0 || step.dim() > shape.length) {
			throw context.error(context.location("dim"), IssueCodes.LAYOUT_INVALID_DIM, "dim=" + step.dim() + " is not a dimension of "
					+ target.getName() + "; use 0 (all dimensions) or 1.." + shape.length);
		}
		Layout layout = current(target, shape.length);
		for (int dim : step.dims(shape.length)) {
			layout = layout.with(dim, step.layout((int) Math.min(shape[dim - 1], Integer.MAX_VALUE)));
		}
		return toIr(layout);
	}

	private static Layout current(IrBuffer buffer, int rank) {
		Layout layout = Layout.none(rank);
		if (buffer.getLayout() != null) {
			for (int dim = 1; dim <= rank; dim++) {
				IrDimLayout existing = buffer.getLayout().getDims().get(dim - 1);
				layout = layout.with(dim, DimLayout.of(DimLayout.Kind.valueOf(existing.getKind().getName()),
						existing.getFactor(), DimLayout.UNKNOWN_SIZE));
			}
		}
		return layout;
	}

	/** Gives every buffer of every instance the layout the solver inferred for its tensor. */
	private void applySolution(ScheduleState state, LayoutSolution solution) {
		FunctionDef designKernel = state.design().kernel();
		ModuleLayouts module = layouts.of(EcoreUtil2.getContainerOfType(designKernel, Module.class));
		for (IrFunction function : state.module().getFunctions()) {
			FunctionDef kernel = layouts.kernelNamed(designKernel, function.getSourceKernel());
			if (kernel == null) {
				continue;
			}
			List<Referable> tensors = members.kernelTensors(kernel);
			for (IrBuffer buffer : buffersOf(function)) {
				tensors.stream().filter(t -> buffer.getName().equals(Names.nameOf(t))).findFirst()
						.map(tensor -> module.variableOf(tensor, instanceId(function, kernel)))
						.ifPresent(variable -> setLayout(buffer, solution, variable));
			}
		}
	}

	/** The id of an instance called as {@code f[T, 4, "id"]}: the instance argument after the template's. */
	private static String instanceId(IrFunction function, FunctionDef kernel) {
		List<String> args = function.getInstanceArgs();
		return args.size() > kernel.getTypeParams().size() ? args.get(args.size() - 1) : null;
	}

	private static void setLayout(IrBuffer buffer, LayoutSolution solution, LayoutVariable variable) {
		Layout layout = solution.layoutOf(variable);
		buffer.setLayout(layout.isNone() ? null : toIr(layout));
	}

	private static List<IrBuffer> buffersOf(IrFunction function) {
		List<IrBuffer> buffers = new ArrayList<>();
		for (IrValue param : function.getParams()) {
			if (param instanceof IrBuffer buffer) {
				buffers.add(buffer);
			}
		}
		EcoreUtil.getAllContents(function.getBody(), false).forEachRemaining(node -> {
			if (node instanceof IrAlloc alloc) {
				buffers.add(alloc.getBuffer());
			}
		});
		return buffers;
	}

	static IrLayout toIr(Layout layout) {
		IrLayout ir = IrFactory.eINSTANCE.createIrLayout();
		for (DimLayout dim : layout.dims()) {
			IrDimLayout irDim = IrFactory.eINSTANCE.createIrDimLayout();
			irDim.setKind(IrPartitionKind.get(dim.kind().name()));
			irDim.setFactor(dim.factor());
			ir.getDims().add(irDim);
		}
		return ir;
	}
}
