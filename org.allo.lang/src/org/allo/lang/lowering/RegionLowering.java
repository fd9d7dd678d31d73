package org.allo.lang.lowering;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.ExprStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.PassStmt;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.Statement;
import org.allo.lang.allo.TupleExpr;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.dataflow.DataflowSyntax;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrEval;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrModule;
import org.allo.lang.types.StreamType;
import org.allo.lang.types.TensorType;
import org.allo.lang.types.Type;
import org.allo.lang.types.TypeComputer;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * A {@code @df.region} as a region function (dataflow and region set) whose body allocates the
 * streams and calls one function per grid point of each {@code @df.kernel}: {@code gemm_1_2} for
 * mapping point (1, 2), with {@code df.get_pid()} folded to the point and meta branches resolved.
 * A call passes the region arguments named in {@code args=[...]}, then one FIFO per stream the
 * instance uses (see {@link StreamPorts}).
 */
final class RegionLowering {

	private static final IrFactory IR = IrFactory.eINSTANCE;

	private final FunctionDef region;
	private final TypeComputer computer;
	private final LoweringServices services;
	private final IrModule module;
	private final Callees callees;
	private final List<StreamUse> uses;
	private final List<IrFunction> instances = new ArrayList<>();

	RegionLowering(FunctionDef region, TypeComputer computer, LoweringServices services, IrModule module, Callees callees,
			List<StreamUse> uses) {
		this.region = region;
		this.computer = computer;
		this.services = services;
		this.module = module;
		this.callees = callees;
		this.uses = uses;
	}

	/** The region function; {@link #instances()} holds the kernel instances it calls. */
	IrFunction lower() {
		KernelLowering outer = new KernelLowering(region, region.getName(), List.of(),
				new InstanceTyping(computer, services.constants(), Map.of()), services, module, callees, StreamPorts.none());
		IrFunction function = outer.signature();
		function.setDataflow(true);
		function.setRegion(true);
		IrBlock body = IR.createIrBlock();
		Map<Referable, IrBuffer> streams = new LinkedHashMap<>();
		for (Statement statement : region.getBody().getStatements()) {
			if (statement instanceof VarDecl decl && isStream(computer.typeOf(decl, Map.of()))) {
				streams.put(decl, outer.declareStream(decl, body));
			} else if (statement instanceof FunctionDef kernel && services.dataflow().isKernel(kernel)) {
				instantiate(kernel, outer, streams, body);
			} else if (!(statement instanceof PassStmt)) {
				throw new LoweringError(statement, IssueCodes.LOWERING_UNSUPPORTED_STATEMENT,
						"a region body holds only stream declarations and @df.kernel definitions; move this statement into a kernel");
			}
		}
		function.setBody(body);
		return function;
	}

	List<IrFunction> instances() {
		return instances;
	}

	private static boolean isStream(Type type) {
		return type instanceof StreamType || type instanceof TensorType tensor && tensor.element() instanceof StreamType;
	}

	private void instantiate(FunctionDef kernel, KernelLowering outer, Map<Referable, IrBuffer> streams, IrBlock body) {
		CallExpr decorator = services.dataflow().kernelDecorator(kernel).orElseThrow();
		List<Long> mapping = mapping(decorator);
		List<Referable> pids = pidNames(kernel);
		for (List<Long> point : gridPoints(mapping)) {
			Map<Referable, Object> coordinates = new HashMap<>();
			if (pids.size() == point.size()) {
				for (int d = 0; d < point.size(); d++) {
					coordinates.put(pids.get(d), BigInteger.valueOf(point.get(d)));
				}
			} else if (!pids.isEmpty()) {
				throw new LoweringError(kernel, IssueCodes.LOWERING_UNSUPPORTED_STATEMENT, "kernel '" + kernel.getName()
						+ "' has a " + mapping.size() + "-dimensional mapping, so df.get_pid() gives " + mapping.size()
						+ " coordinates; unpack them all, e.g. i, j = df.get_pid()");
			}
			List<String> args = point.stream().map(String::valueOf).toList();
			String name = kernel.getName() + "_" + String.join("_", args);
			KernelLowering lowering = new KernelLowering(kernel, name, args,
					new InstanceTyping(computer, services.constants(), Map.of(), coordinates), services, module, callees,
					new StreamPorts(streams, name, uses));
			IrFunction instance = lowering.signature();
			lowering.body();
			instances.add(instance);
			body.getStatements().add(call(kernel, decorator, instance, lowering, outer));
		}
	}

	private IrEval call(FunctionDef kernel, CallExpr decorator, IrFunction instance, KernelLowering lowering,
			KernelLowering outer) {
		List<Expr> args = DataflowSyntax.args(decorator);
		if (args.size() != kernel.getParams().size()) {
			throw new LoweringError(decorator, IssueCodes.LOWERING_UNSUPPORTED_STATEMENT, "kernel '" + kernel.getName()
					+ "' has " + kernel.getParams().size() + " parameters but args=[...] names " + args.size()
					+ " region arguments; pass one per parameter");
		}
		IrCall call = IR.createIrCall();
		call.setFunction(instance);
		for (Expr argument : args) {
			call.getArgs().add(outer.lower(argument));
		}
		for (StreamPorts.Port port : lowering.ports()) {
			IrLoad fifo = IR.createIrLoad();
			fifo.setBuffer(port.regionStream());
			port.indices().forEach(index -> fifo.getIndices().add(ExpressionLowering.constant(BigInteger.valueOf(index), null,
					IR.createIrIndexType())));
			fifo.setType(EcoreUtil.copy(port.param().getType()));
			call.getArgs().add(fifo);
		}
		IrEval eval = IR.createIrEval();
		eval.setExpr(call);
		ICompositeNode node = NodeModelUtils.getNode(kernel);
		eval.setLine(node == null ? 0 : node.getStartLine());
		return eval;
	}

	/** {@code mapping=[P0, P1]}: the grid's extent per dimension. */
	private List<Long> mapping(CallExpr decorator) {
		Expr mapping = DataflowSyntax.keyword(decorator, "mapping");
		Object value = mapping == null ? null : services.constants().evaluate(mapping, Map.of());
		List<Long> extents = new ArrayList<>();
		if (value instanceof List<?> list) {
			for (Object extent : list) {
				if (!(extent instanceof BigInteger integer) || integer.signum() <= 0) {
					extents.clear();
					break;
				}
				extents.add(integer.longValue());
			}
		}
		if (extents.isEmpty()) {
			throw new LoweringError(decorator, IssueCodes.LOWERING_UNSUPPORTED_STATEMENT,
					"@df.kernel needs mapping=[...] with positive compile-time extents, e.g. mapping=[P0, P1]");
		}
		return extents;
	}

	/** The names {@code df.get_pid()} is unpacked into, in order; empty when the kernel does not ask. */
	private List<Referable> pidNames(FunctionDef kernel) {
		for (Statement statement : kernel.getBody().getStatements()) {
			if (services.dataflow().isPidAssignment(statement)) {
				Expr target = ((ExprStmt) statement).getExpr();
				List<Expr> names = target instanceof TupleExpr tuple ? tuple.getElements() : List.of(target);
				return names.stream().filter(NameRef.class::isInstance).map(name -> (Referable) name).toList();
			}
		}
		return List.of();
	}

	/** Every point of the grid in row-major order. */
	private static List<List<Long>> gridPoints(List<Long> mapping) {
		List<List<Long>> points = new ArrayList<>();
		points.add(List.of());
		for (long extent : mapping) {
			List<List<Long>> longer = new ArrayList<>();
			for (List<Long> prefix : points) {
				for (long i = 0; i < extent; i++) {
					List<Long> point = new ArrayList<>(prefix);
					point.add(i);
					longer.add(point);
				}
			}
			points = longer;
		}
		return points;
	}
}
