package org.allo.lang.layout;

import java.util.Map;

import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.layout.DimLayout.Kind;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Step;
import org.allo.lang.scoping.Names;
import org.eclipse.xtext.EcoreUtil2;

/**
 * A {@code s.partition(target, partition_type, dim, factor)} step with its arguments evaluated;
 * omitted arguments take the stub's defaults. A part that is not a constant is null.
 *
 * @param target the partitioned tensor or handle; null when the reference does not resolve
 * @param kind Complete, Block or Cyclic
 * @param dim 1-based dimension, 0 for all
 * @param factor number of banks
 */
public record PartitionStep(Step step, Referable target, Kind kind, Integer dim, Integer factor) {

	public static PartitionStep of(Step step, Referable target) {
		Map<String, Expr> arguments = ScheduleSteps.argumentsByParameter(step);
		return new PartitionStep(step, target, kindOf(argument(step, arguments, "partition_type")),
				ConstantInts.valueOf(argument(step, arguments, "dim")), ConstantInts.valueOf(argument(step, arguments, "factor")));
	}

	/** The argument given for a stub parameter, else the parameter's default. */
	public static Expr argument(Step step, Map<String, Expr> arguments, String parameter) {
		Expr given = arguments.get(parameter);
		if (given != null) {
			return given;
		}
		for (Param param : step.primitive().getParams()) {
			if (parameter.equals(param.getName())) {
				return param.getDefault();
			}
		}
		return null;
	}

	public Expr argument(String parameter) {
		return argument(step, ScheduleSteps.argumentsByParameter(step), parameter);
	}

	/** {@code Partition.Cyclic} (also through {@code allo.}), or its integer code 0, 1, 2 as in Allo. */
	private static Kind kindOf(Expr expr) {
		Referable member = Names.targetOf(expr);
		ClassDef owner = member == null ? null : EcoreUtil2.getContainerOfType(member, ClassDef.class);
		if (owner != null && "Partition".equals(owner.getName())) {
			return switch (Names.nameOf(member)) {
			case "Complete" -> Kind.COMPLETE;
			case "Block" -> Kind.BLOCK;
			case "Cyclic" -> Kind.CYCLIC;
			default -> null;
			};
		}
		Integer code = ConstantInts.valueOf(expr);
		if (code == null) {
			return null;
		}
		return switch (code) {
		case 0 -> Kind.COMPLETE;
		case 1 -> Kind.BLOCK;
		case 2 -> Kind.CYCLIC;
		default -> null;
		};
	}

	/** The kernel that owns the target, null for an unresolved target. */
	public FunctionDef kernel() {
		return target == null ? null : EcoreUtil2.getContainerOfType(target, FunctionDef.class);
	}

	/** Whether the factor is one a Block or Cyclic partition can use. */
	public boolean hasValidFactor() {
		return kind == null || kind == Kind.COMPLETE || factor == null || factor >= 1;
	}

	/** The dimensions the step partitions, from 1; empty when dim is not a constant in 0..rank. */
	public int[] dims(int rank) {
		if (dim == null || dim < 0 || dim > rank) {
			return new int[0];
		}
		if (dim > 0) {
			return new int[] { dim };
		}
		int[] all = new int[rank];
		for (int i = 0; i < rank; i++) {
			all[i] = i + 1;
		}
		return all;
	}

	/** The layout the step asks for on a dimension of {@code size} elements; null when not constant. */
	public DimLayout layout(int size) {
		if (kind == null || (kind != Kind.COMPLETE && (factor == null || factor < 1))) {
			return null;
		}
		return DimLayout.of(kind, kind == Kind.COMPLETE ? 0 : factor, size);
	}
}
