package org.allo.lang.schedule.passes;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.allo.lang.allo.Expr;
import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrReturn;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * {@code reshape(target, shape)}: retypes a local buffer to a shape with the same element count
 * and rewrites every access through the row-major position (linearise, then delinearise), so
 * every element keeps its place in memory. Parameters are refused: their callers pass buffers of
 * the old shape.
 */
public class ReshapePass implements SchedulePass {

	@Override
	public String primitive() {
		return "reshape";
	}

	@Override
	public StepResult apply(PassContext context) throws ScheduleError {
		IrBuffer target = context.tensor("target");
		long[] shape = newShape(context);
		long[] old = IrEdits.shape(target);
		if (!(target.eContainer() instanceof IrAlloc) || !(target.getType() instanceof IrTensorType type)) {
			throw context.error(context.location("target"), IssueCodes.SCHEDULE_RESHAPE, "cannot reshape " + target.getName()
					+ ": it is a parameter, and callers pass it with shape " + Arrays.toString(old)
					+ "; reshape a local buffer of the kernel instead");
		}
		if (IrEdits.elements(shape) != IrEdits.elements(old)) {
			throw context.error(context.location("shape"), IssueCodes.SCHEDULE_RESHAPE, "cannot reshape " + target.getName() + " from "
					+ Arrays.toString(old) + " (" + IrEdits.elements(old) + " elements) to " + Arrays.toString(shape) + " ("
					+ IrEdits.elements(shape) + " elements); the new shape must hold the same number of elements");
		}
		IrFunction function = IrEdits.functionOf(target);
		List<IrLoad> loads = IrEdits.loads(function, target);
		for (IrLoad load : loads) {
			if (load.getIndices().isEmpty() && !(load.eContainer() instanceof IrReturn)) {
				throw context.error(context.location("target"), IssueCodes.SCHEDULE_RESHAPE, "cannot reshape " + target.getName()
						+ ": it is passed whole to a call (line " + IrEdits.lineOf(load) + ") that expects shape " + Arrays.toString(old));
			}
		}
		for (IrLoad load : loads) {
			rewrite(load.getIndices(), old, shape);
			if (load.getIndices().isEmpty()) {
				retypeResult(function, (IrReturn) load.eContainer(), load, shape);
			}
		}
		for (IrStore store : IrEdits.stores(function, target)) {
			rewrite(store.getIndices(), old, shape);
		}
		setShape(type, shape);
		target.setLayout(null);
		return StepResult.NONE;
	}

	private static long[] newShape(PassContext context) throws ScheduleError {
		Expr argument = context.argument("shape").orElseThrow(() -> context.error(context.step().call(), IssueCodes.SCHEDULE_ARGUMENT,
				"reshape needs its 'shape' argument, e.g. (8, 2, 4)"));
		Object value = context.constant(argument);
		List<?> sizes = value instanceof List<?> list ? list : value instanceof BigInteger ? List.of(value) : null;
		if (sizes == null || sizes.isEmpty() || !sizes.stream().allMatch(s -> s instanceof BigInteger size && size.signum() > 0 && size.bitLength() < 32)) {
			throw context.error(argument, IssueCodes.SCHEDULE_ARGUMENT, "the shape of reshape must be a tuple of positive compile-time integers");
		}
		return sizes.stream().mapToLong(s -> ((BigInteger) s).longValue()).toArray();
	}

	private static void rewrite(EList<IrExpr> indices, long[] old, long[] shape) {
		if (indices.isEmpty()) {
			return;
		}
		List<IrExpr> original = new ArrayList<>(indices);
		IrExpr linear = IrEdits.index(0);
		for (int d = 0; d < old.length; d++) {
			linear = IrEdits.arith(IrBinaryOp.ADD, IrEdits.arith(IrBinaryOp.MUL, linear, IrEdits.index(old[d])), original.get(d));
		}
		List<IrExpr> result = new ArrayList<>();
		long stride = IrEdits.elements(shape);
		for (int d = 0; d < shape.length; d++) {
			stride /= shape[d];
			IrExpr position = IrEdits.arith(IrBinaryOp.FLOOR_DIV, EcoreUtil.copy(linear), IrEdits.index(stride));
			result.add(d == 0 ? position : IrEdits.arith(IrBinaryOp.MOD, position, IrEdits.index(shape[d])));
		}
		indices.clear();
		indices.addAll(result);
	}

	private static void retypeResult(IrFunction function, IrReturn ret, IrLoad load, long[] shape) {
		setShape((IrTensorType) load.getType(), shape);
		int position = ret.getValues().indexOf(load);
		if (position >= 0 && position < function.getResults().size() && function.getResults().get(position) instanceof IrTensorType result) {
			setShape(result, shape);
		}
	}

	private static void setShape(IrTensorType type, long[] shape) {
		type.getShape().clear();
		for (long size : shape) {
			type.getShape().add(size);
		}
	}
}
