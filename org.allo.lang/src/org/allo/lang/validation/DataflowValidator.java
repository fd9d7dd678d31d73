package org.allo.lang.validation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.allo.lang.allo.AlloPackage;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.PassStmt;
import org.allo.lang.allo.Statement;
import org.allo.lang.allo.SubscriptExpr;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.dataflow.DataflowSyntax;
import org.allo.lang.dataflow.RegionTrial;
import org.allo.lang.lowering.LoweredKernels;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.lowering.StreamUse;
import org.allo.lang.scoping.Names;
import org.allo.lang.types.CompileTime;
import org.allo.lang.types.ConstantEvaluator;
import org.allo.lang.types.StreamType;
import org.allo.lang.types.TensorType;
import org.allo.lang.types.Type;
import org.allo.lang.types.TypeComputer;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/**
 * Dataflow regions (LANGUAGE.md §5): a region body holds only streams and kernels; a kernel's
 * {@code mapping} and {@code args}; each FIFO has exactly one producer and one consumer instance
 * (allo#444), resolved per instance by the lowering; streams nobody uses; and the deadlock a region
 * runs into with zero inputs. A put of another element type is TypeValidator's lossy-conversion
 * warning, as for any assignment.
 */
public class DataflowValidator extends CheckGroup {

	@Inject
	private DataflowSyntax dataflow;

	@Inject
	private TypeComputer computer;

	@Inject
	private ConstantEvaluator constants;

	@Inject
	private CompileTime compileTime;

	@Inject
	private LoweredKernels loweredKernels;

	@Inject
	private RegionTrial trial;

	@Check
	public void regionBody(FunctionDef region) {
		if (!dataflow.isRegion(region) || region.getBody() == null) {
			return;
		}
		for (Statement statement : region.getBody().getStatements()) {
			boolean allowed = statement instanceof PassStmt
					|| statement instanceof VarDecl decl && isStream(computer.typeOf(decl, Map.of()))
					|| statement instanceof FunctionDef kernel && dataflow.isKernel(kernel);
			if (!allowed) {
				error("a region body holds only stream declarations and @df.kernel definitions; move this into a kernel",
						statement, null, IssueCodes.DF_REGION_BODY);
			}
		}
	}

	@Check
	public void kernelDecorator(FunctionDef kernel) {
		CallExpr decorator = dataflow.kernelDecorator(kernel).orElse(null);
		if (decorator == null) {
			return;
		}
		Expr mapping = DataflowSyntax.keyword(decorator, "mapping");
		if (!isGrid(mapping == null ? null : constants.evaluate(mapping, Map.of()))) {
			error("@df.kernel needs mapping=[...] with positive compile-time extents, e.g. mapping=[P0, P1]",
					mapping == null ? decorator : mapping, null, IssueCodes.DF_MAPPING);
		}
		List<Expr> args = DataflowSyntax.args(decorator);
		if (args.size() != kernel.getParams().size()) {
			error("'args' length mismatch: kernel '" + kernel.getName() + "' takes " + count(kernel.getParams().size(), "parameter")
					+ " but args=[...] names " + count(args.size(), "region argument") + "; pass one region argument per parameter",
					DataflowSyntax.keyword(decorator, "args") == null ? decorator : DataflowSyntax.keyword(decorator, "args"),
					null, IssueCodes.DF_ARGS_COUNT);
			return;
		}
		for (int i = 0; i < args.size(); i++) {
			argument(kernel, args.get(i), kernel.getParams().get(i));
		}
	}

	private void argument(FunctionDef kernel, Expr argument, Param param) {
		if (!(Names.targetOf(argument) instanceof Param regionParam)) {
			error("args=[...] names the region's arguments; '" + TypeComputer.textOf(argument).strip()
					+ "' is not one of them", argument, null, IssueCodes.DF_ARGS_TYPE);
			return;
		}
		Type given = computer.typeOf(regionParam, Map.of());
		Type expected = computer.typeOf(param, Map.of());
		if (given.isNumeric()) {
			error("scalar '" + regionParam.getName() + "' cannot appear in args=[...] on @df.kernel '" + kernel.getName()
					+ "'; use a 1-element array (" + regionParam.getName() + ": " + given.display() + "[1]) and read "
					+ regionParam.getName() + "[0]", argument, null, IssueCodes.DF_SCALAR_ARG);
		} else if (!sameType(given, expected)) {
			error("df.kernel argument '" + regionParam.getName() + "' of type " + given.display()
					+ " does not match parameter '" + param.getName() + "' of type " + expected.display()
					+ "; pass a region argument of the parameter's type", argument, null, IssueCodes.DF_ARGS_TYPE);
		}
	}

	/** A FIFO of a stream array is fixed per instance, so its indices must be known at compile time. */
	@Check
	public void streamIndex(SubscriptExpr subscript) {
		if (!(computer.typeOf(subscript.getTarget(), Map.of()) instanceof TensorType tensor)
				|| !(tensor.element() instanceof StreamType)) {
			return;
		}
		for (Expr index : subscript.getIndices()) {
			if (!compileTime.isCompileTime(index)) {
				error("the index '" + TypeComputer.textOf(index).strip() + "' of stream '"
						+ TypeComputer.textOf(subscript.getTarget()).strip()
						+ "' is not known at compile time in each kernel instance; index stream arrays with df.get_pid() coordinates, meta_for variables and constants",
						index, null, IssueCodes.DF_STREAM_INDEX);
			}
		}
	}

	/**
	 * Producers and consumers per FIFO, unused streams and deadlock, from the region's lowering;
	 * once per region, after the checks of its body (a region with errors so far is left alone).
	 */
	@Check
	public void streamEnds(FunctionDef region) {
		if (!dataflow.isRegion(region) || !(region.eContainer() instanceof Module) || hasErrorsSoFar()) {
			return;
		}
		LoweringResult lowered = loweredKernels.lower(region);
		if (!lowered.succeeded()) {
			return; // allo show and allo sim report what the lowering cannot handle yet
		}
		Map<String, List<StreamUse>> byFifo = new LinkedHashMap<>();
		for (StreamUse use : lowered.streamUses()) {
			byFifo.computeIfAbsent(use.fifo(), key -> new ArrayList<>()).add(use);
		}
		Set<EObject> reported = new HashSet<>();
		for (List<StreamUse> uses : byFifo.values()) {
			ends(uses, true, reported);
			ends(uses, false, reported);
		}
		unused(region, lowered.streamUses());
		if (reported.isEmpty()) {
			trial.deadlock(lowered.module()).ifPresent(cycle -> warning("this region deadlocks when simulated with zero inputs: "
					+ cycle.replaceFirst("^deadlock: ", "") + "; deepen the FIFOs on the cycle or reorder the puts and gets", region,
					AlloPackage.Literals.FUNCTION_DEF__NAME, IssueCodes.DF_DEADLOCK));
		}
	}

	/**
	 * Exactly one producer (put) or consumer (get) instance for the FIFO; the instances of one kernel
	 * share their source, so each site is reported once.
	 */
	private void ends(List<StreamUse> uses, boolean put, Set<EObject> reported) {
		Set<String> instances = new LinkedHashSet<>();
		uses.stream().filter(use -> use.put() == put).forEach(use -> instances.add(use.instance()));
		String fifo = uses.get(0).fifo();
		String role = put ? "producer" : "consumer";
		if (instances.size() > 1) {
			for (StreamUse use : uses) {
				if (use.put() == put && !use.instance().equals(instances.iterator().next())
						&& reported.add(use.site())) {
					error("stream " + fifo + " has " + instances.size() + " " + role + "s (" + String.join(", ", instances)
							+ "); each FIFO needs exactly one producer and one consumer instance, so give each "
							+ role + " its own FIFO", use.site(), null, IssueCodes.DF_PRODUCERS);
				}
			}
		} else if (instances.isEmpty()) {
			StreamUse other = uses.get(0);
			if (reported.add(other.site())) {
				error("no kernel instance " + (put ? "puts to" : "gets from") + " stream " + fifo + ", so "
						+ other.instance() + (put ? " blocks on its get forever" : " fills it and blocks")
						+ "; add the " + role + " or remove this use", other.site(), null, IssueCodes.DF_MISSING_END);
			}
		}
	}

	private void unused(FunctionDef region, List<StreamUse> uses) {
		Set<VarDecl> used = new HashSet<>();
		uses.forEach(use -> used.add(use.stream()));
		for (Statement statement : region.getBody().getStatements()) {
			if (statement instanceof VarDecl decl && isStream(computer.typeOf(decl, Map.of())) && !used.contains(decl)) {
				warning("stream '" + decl.getName() + "' is never used by a kernel; remove it", decl,
						AlloPackage.Literals.VAR_DECL__NAME, IssueCodes.DF_UNUSED_STREAM);
			}
		}
	}

	private static String count(int n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}

	private static boolean isGrid(Object value) {
		return value instanceof List<?> extents && !extents.isEmpty() && extents.stream()
				.allMatch(extent -> extent instanceof BigInteger integer && integer.signum() > 0);
	}

	private static boolean isStream(Type type) {
		return type instanceof StreamType || type instanceof TensorType tensor && tensor.element() instanceof StreamType;
	}

	private static boolean sameType(Type given, Type expected) {
		if (given instanceof TensorType a && expected instanceof TensorType b) {
			return a.element().equals(b.element()) && a.shapeCompatibleWith(b);
		}
		return given.equals(expected);
	}
}
