package org.allo.codegen.kernel;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.allo.codegen.CodegenException;
import org.allo.codegen.cpp.CBinaryOp;
import org.allo.codegen.cpp.CExpr;
import org.allo.codegen.cpp.CFunction;
import org.allo.codegen.cpp.CParam;
import org.allo.codegen.cpp.CStmt;
import org.allo.codegen.cpp.CType;
import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrAssign;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrDeclare;
import org.allo.lang.ir.IrEval;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrIf;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrReturn;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrStreamPut;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.IrVarRef;
import org.allo.lang.ir.IrWhile;
import org.eclipse.emf.ecore.EObject;

/**
 * One IR function as one C++ function: declarations with their array pragmas, loops with labels
 * {@code l_<band>_<loop>} (inner loops of a band {@code l_<loop>}, as Allo) and their pragmas, statements.
 * Returns go through {@link Returns}, which differ between the top function and the others.
 */
final class FunctionEmitter {

	/** What a return statement becomes. */
	interface Returns {
		List<CStmt> emit(IrReturn ret, FunctionEmitter emitter);
	}

	private final IrFunction function;
	private final Map<IrValue, CExpr> names = new IdentityHashMap<>();
	private final Identifiers.Unique labels = new Identifiers.Unique();
	private final ExpressionEmitter expressions;
	private final CallEmitter calls;
	private Returns returns;
	private int temporaries;

	FunctionEmitter(IrFunction function, Helpers helpers, Function<IrValue, CExpr> globals) {
		this.function = function;
		this.calls = new CallEmitter();
		this.expressions = new ExpressionEmitter(value -> {
			CExpr name = names.get(value);
			return name != null ? name : globals.apply(value);
		}, helpers, calls);
	}

	ExpressionEmitter expressions() {
		return expressions;
	}

	void bind(IrValue value, String name) {
		names.put(value, new CExpr.Name(name));
	}

	String label(String wanted) {
		return labels.claim(wanted);
	}

	/** A function called from the top: parameters as {@link Signatures}. */
	CFunction emitCallee() {
		for (IrValue param : function.getParams()) {
			bind(param, Identifiers.of(param.getName()));
		}
		returns = this::calleeReturn;
		List<CStmt> body = new ArrayList<>();
		if (function.isInline()) {
			body.add(new CStmt.Pragma(Pragmas.inline()));
		}
		if (function.isDataflow()) {
			body.add(new CStmt.Pragma(Pragmas.dataflow()));
		}
		for (IrValue param : function.getParams()) {
			if (param instanceof IrBuffer buffer) {
				body.addAll(bufferPragmas(buffer, Identifiers.of(param.getName())));
			}
		}
		body.addAll(statements(function.getBody(), true));
		return new CFunction(Signatures.result(function), Identifiers.of(function.getName()), Signatures.params(function), body);
	}

	/** The body of a function whose prologue, parameters and returns the caller sets up. */
	List<CStmt> body(Returns returnStrategy) {
		this.returns = returnStrategy;
		return statements(function.getBody(), true);
	}

	private List<CStmt> calleeReturn(IrReturn ret, FunctionEmitter self) {
		List<CStmt> out = new ArrayList<>();
		if (Signatures.returnsScalar(function)) {
			out.add(new CStmt.Return(expressions.emitAs(ret.getValues().get(0), function.getResults().get(0))));
			return out;
		}
		for (int i = 0; i < ret.getValues().size(); i++) {
			IrType type = function.getResults().get(i);
			CExpr target = new CExpr.Name(Signatures.output(i));
			out.addAll(store(ret.getValues().get(i), type, "l_return_" + i,
					index -> index.isEmpty() ? target : new CExpr.Index(target, index), false));
		}
		out.add(new CStmt.Return(null));
		return out;
	}

	/**
	 * Stores a returned value: a scalar into target([]), a tensor element by element from the buffer it
	 * names into target(indices), in copy loops under label.
	 */
	List<CStmt> store(IrExpr value, IrType type, String label, Function<List<CExpr>, CExpr> target, boolean pipelined) {
		List<Long> shape = CTypes.shape(type);
		if (shape.isEmpty()) {
			return List.of(new CStmt.ExprStmt(new CExpr.Assign(target.apply(List.of()), expressions.emitAs(value, type))));
		}
		if (!(value instanceof IrLoad load) || !load.getIndices().isEmpty()) {
			throw new CodegenException("function '" + function.getName() + "' returns a tensor that is not a named buffer;"
					+ " assign it to a local tensor and return that");
		}
		CExpr source = expressions.access(load.getBuffer(), List.of());
		return copy(label, shape, index -> new CStmt.ExprStmt(new CExpr.Assign(target.apply(index), new CExpr.Index(source, index))),
				pipelined);
	}

	/** A loop nest over shape running body(indices); the innermost loop is pipelined when asked (wrap_io copies). */
	List<CStmt> copy(String label, List<Long> shape, Function<List<CExpr>, CStmt> body, boolean pipelined) {
		List<CExpr> index = new ArrayList<>();
		List<String> vars = new ArrayList<>();
		for (int d = 0; d < shape.size(); d++) {
			vars.add("i" + d);
			index.add(new CExpr.Name("i" + d));
		}
		List<CStmt> inner = List.of(body.apply(index));
		for (int d = shape.size() - 1; d >= 0; d--) {
			List<String> pragmas = pipelined && d == shape.size() - 1 ? List.of(Pragmas.pipeline(1, false)) : List.of();
			String name = label(d == 0 ? label : label + "_" + d);
			inner = List.of(new CStmt.For(name, CType.INT, vars.get(d), new CExpr.Literal("0"),
					new CExpr.Literal(Long.toString(shape.get(d))), 1, pragmas, inner));
		}
		return inner;
	}

	/**
	 * array_partition per partitioned dimension, bind_storage for a memory annotation; a stream gets its depth
	 * only (a FIFO is neither partitioned nor bound to a memory).
	 */
	List<CStmt> bufferPragmas(IrBuffer buffer, String name) {
		List<CStmt> pragmas = new ArrayList<>();
		if (CTypes.of(buffer.getType()).kind() == CType.Kind.STREAM) {
			if (buffer.eContainer() instanceof IrAlloc) {
				pragmas.addAll(streamDepth(buffer, name));
			}
			return pragmas;
		}
		if (buffer.getLayout() != null) {
			for (int d = 0; d < buffer.getLayout().getDims().size(); d++) {
				String pragma = Pragmas.arrayPartition(name, buffer.getLayout().getDims().get(d), d + 1);
				if (pragma != null) {
					pragmas.add(new CStmt.Pragma(pragma));
				}
			}
		}
		if (buffer.getResource() != null || buffer.getStorageType() != null) {
			pragmas.add(new CStmt.Pragma(Pragmas.bindStorage(name, buffer.getStorageType(), buffer.getResource())));
		}
		return pragmas;
	}

	/** The depth pragma of a FIFO; a depth FIFO sizing filled in says so, one it could not infer is refused. */
	private static List<CStmt> streamDepth(IrBuffer stream, String name) {
		IrStreamType type = (IrStreamType) stream.getType();
		if (type.getDepth() <= 0) {
			throw new CodegenException("stream '" + stream.getName() + "' has no depth and FIFO sizing could not infer one"
					+ " (allo sim shows why): give it one, Stream[T, depth]");
		}
		CStmt pragma = new CStmt.Pragma(Pragmas.stream(name, type.getDepth()));
		return type.isDepthInferred() ? List.of(pragma, new CStmt.Comment("depth inferred by FIFO sizing (the source gives none)"))
				: List.of(pragma);
	}

	private List<CStmt> statements(IrBlock block, boolean functionBody) {
		List<CStmt> out = new ArrayList<>();
		if (functionBody && function.isRegion()) {
			out.addAll(regionBody(block));
		} else {
			for (IrStatement statement : block.getStatements()) {
				out.addAll(statement(statement));
			}
		}
		if (functionBody && !out.isEmpty() && out.get(out.size() - 1) instanceof CStmt.Return ret && ret.value() == null) {
			out.remove(out.size() - 1);
		}
		return out;
	}

	/**
	 * A dataflow region: its streams, then its kernel instances as the processes of one dataflow call, in
	 * place of the first instance call (so the top's write-back at the return stays after them).
	 */
	private List<CStmt> regionBody(IrBlock block) {
		List<CStmt> out = new ArrayList<>();
		List<CExpr> processes = new ArrayList<>();
		int callsAt = -1;
		for (IrStatement statement : block.getStatements()) {
			if (statement instanceof IrEval eval && eval.getExpr() instanceof IrCall call) {
				callsAt = callsAt < 0 ? out.size() : callsAt;
				processes.add(calls.call(call, expressions));
			} else {
				out.addAll(statement(statement));
			}
		}
		if (callsAt >= 0) {
			out.add(callsAt, ThreadedCsim.processes(processes));
		}
		return out;
	}

	private List<CStmt> statement(IrStatement statement) {
		if (statement instanceof IrBlock block) {
			return statements(block, false);
		}
		if (statement instanceof IrAlloc alloc) {
			return alloc(alloc);
		}
		if (statement instanceof IrDeclare declare) {
			CType type = CTypes.of(declare.getVar().getType());
			String name = Identifiers.of(declare.getVar().getName());
			CExpr init = declare.getInit() == null ? Literals.zero(type) : expressions.emitAs(declare.getInit(), type);
			bind(declare.getVar(), name);
			CStmt declaration = new CStmt.Declare(type, name, List.of(), init, false);
			return isRead(declare.getVar()) ? List.of(declaration) : List.of(declaration, castToVoid(name));
		}
		if (statement instanceof IrAssign assign) {
			CExpr value = expressions.emitAs(assign.getValue(), assign.getTarget().getType());
			return List.of(new CStmt.ExprStmt(new CExpr.Assign(names.get(assign.getTarget()), value)));
		}
		if (statement instanceof IrStore store) {
			CExpr value = expressions.emitAs(store.getValue(), CTypes.of(store.getBuffer().getType()));
			return List.of(new CStmt.ExprStmt(new CExpr.Assign(expressions.access(store.getBuffer(), store.getIndices()), value)));
		}
		if (statement instanceof IrStreamPut put) {
			CExpr value = expressions.emitAs(put.getValue(), CTypes.of(put.getStream().getType()).element());
			return List.of(new CStmt.ExprStmt(new CExpr.Method(expressions.access(put.getStream(), put.getIndices()), "write",
					List.of(value))));
		}
		if (statement instanceof IrEval eval) {
			return eval(eval);
		}
		if (statement instanceof IrFor loop) {
			return List.of(forLoop(loop));
		}
		if (statement instanceof IrWhile loop) {
			return List.of(new CStmt.While(expressions.condition(loop.getCondition()), statements(loop.getBody(), false)));
		}
		if (statement instanceof IrIf branch) {
			List<CStmt> otherwise = branch.getElse() == null ? List.of() : statements(branch.getElse(), false);
			return List.of(new CStmt.If(expressions.condition(branch.getCondition()), statements(branch.getThen(), false), otherwise));
		}
		if (statement instanceof IrReturn ret) {
			return returns.emit(ret, this);
		}
		throw new CodegenException(statement.eClass().getName() + " has no C++ form yet");
	}

	/**
	 * Whether the function reads the variable or buffer; one it never reads (a drain's {@code drop = fifo.get()},
	 * the array a relay's last processing element still fills) is cast to void after its declaration, since
	 * -Wall -Werror refuses a variable that is set but not used.
	 */
	private boolean isRead(IrValue value) {
		for (var contents = function.getBody().eAllContents(); contents.hasNext();) {
			EObject next = contents.next();
			if (next instanceof IrVarRef ref && ref.getVar() == value || next instanceof IrLoad load && load.getBuffer() == value) {
				return true;
			}
		}
		return false;
	}

	private static CStmt castToVoid(String name) {
		return new CStmt.ExprStmt(new CExpr.Cast(CType.VOID, new CExpr.Name(name)));
	}

	private List<CStmt> alloc(IrAlloc alloc) {
		IrBuffer buffer = alloc.getBuffer();
		CType type = CTypes.of(buffer.getType());
		String name = Identifiers.of(buffer.getName());
		bind(buffer, name);
		List<Long> shape = CTypes.shape(buffer.getType());
		if (type.kind() == CType.Kind.STREAM) {
			return stream(buffer, type, name, shape);
		}
		List<CStmt> out = new ArrayList<>();
		boolean scalar = shape.isEmpty();
		CExpr scalarInit = scalar ? (alloc.getInit() == null ? Literals.zero(type) : expressions.emitAs(alloc.getInit(), type)) : null;
		out.add(new CStmt.Declare(type, name, shape, scalarInit, buffer.isStateful()));
		out.addAll(bufferPragmas(buffer, name));
		if (!buffer.isStateful() && !isRead(buffer)) {
			out.add(castToVoid(name));
		}
		if (alloc.getInit() != null && !scalar && !buffer.isStateful()) {
			out.addAll(initialization(alloc.getInit(), name, type, shape));
		}
		return out;
	}

	/** A single stream has its name from the constructor, an array of streams from csim's naming helper. */
	private List<CStmt> stream(IrBuffer buffer, CType type, String name, List<Long> shape) {
		List<CStmt> out = new ArrayList<>();
		if (shape.isEmpty()) {
			out.add(new CStmt.Construct(type, name, List.of(new CExpr.Literal("\"" + name + "\""))));
		} else {
			out.add(new CStmt.Declare(type, name, shape, null, false));
		}
		out.addAll(bufferPragmas(buffer, name));
		if (!shape.isEmpty()) {
			out.add(ThreadedCsim.nameStreams(name));
		}
		return out;
	}

	/**
	 * A tensor-typed init is a copy of that value: a call writes straight into the array (its output argument)
	 * when the element types agree, a buffer or view is copied element by element; a scalar init fills the array.
	 */
	private List<CStmt> initialization(IrExpr init, String name, CType type, List<Long> shape) {
		CExpr array = new CExpr.Name(name);
		String label = "l_" + name + "_init";
		if (init.getType() instanceof IrTensorType && init instanceof IrCall call) {
			CType result = ExpressionEmitter.typeOf(call);
			if (result.equals(type)) {
				return List.of(new CStmt.ExprStmt(calls.call(call, expressions, List.of(array))));
			}
			String temporary = "result" + temporaries++;
			List<CStmt> out = new ArrayList<>();
			out.add(new CStmt.Declare(result, temporary, shape, null, false));
			out.add(new CStmt.ExprStmt(calls.call(call, expressions, List.of(new CExpr.Name(temporary)))));
			out.addAll(copy(label, shape, index -> elementCopy(array, index, new CExpr.Index(new CExpr.Name(temporary), index), result, type), false));
			return out;
		}
		if (init.getType() instanceof IrTensorType && init instanceof IrLoad load) {
			CType source = CTypes.of(load.getBuffer().getType());
			return copy(label, shape, index -> {
				List<CExpr> full = new ArrayList<>(expressions.indices(load.getIndices()));
				full.addAll(index);
				return elementCopy(array, index, new CExpr.Index(expressions.access(load.getBuffer(), List.of()), full), source, type);
			}, false);
		}
		CExpr value = expressions.emitAs(init, type);
		return copy(label, shape, index -> new CStmt.ExprStmt(new CExpr.Assign(new CExpr.Index(array, index), value)), false);
	}

	private CStmt elementCopy(CExpr array, List<CExpr> index, CExpr source, CType from, CType to) {
		return new CStmt.ExprStmt(new CExpr.Assign(new CExpr.Index(array, index), expressions.conversions().convert(source, from, to)));
	}

	/** A call for its effect; results it passes back through output arguments land in fresh temporaries. */
	private List<CStmt> eval(IrEval eval) {
		if (!(eval.getExpr() instanceof IrCall call) || Signatures.returnsScalar(call.getFunction())) {
			return List.of(new CStmt.ExprStmt(expressions.emit(eval.getExpr())));
		}
		List<CStmt> out = new ArrayList<>();
		List<CExpr> outputs = new ArrayList<>();
		for (IrType result : call.getFunction().getResults()) {
			String name = "unused" + temporaries++;
			out.add(new CStmt.Declare(CTypes.of(result), name, CTypes.shape(result), null, false));
			outputs.add(new CExpr.Name(name));
		}
		out.add(new CStmt.ExprStmt(calls.call(call, expressions, outputs)));
		return out;
	}

	private CStmt forLoop(IrFor loop) {
		CType type = CTypes.of(loop.getVar().getType());
		String var = Identifiers.of(loop.getVar().getName());
		bind(loop.getVar(), var);
		String loopName = loop.getLoopName() == null ? loop.getVar().getName() : loop.getLoopName();
		IrFor outer = enclosingLoop(loop);
		boolean opensBand = loop.getBandName() != null && !(outer != null && loop.getBandName().equals(outer.getBandName()));
		String label = label(Identifiers.of("l_" + (opensBand ? loop.getBandName() + "_" : "") + loopName));
		List<String> pragmas = new ArrayList<>();
		if (loop.getPipelineII() > 0) {
			pragmas.add(Pragmas.pipeline(loop.getPipelineII(), loop.isRewind()));
		}
		if (loop.getUnrollFactor() >= 0) {
			pragmas.add(Pragmas.unroll(loop.getUnrollFactor()));
		} else if (loop.isParallel()) {
			pragmas.add(Pragmas.unroll(0));
		}
		if (loop.isDataflow()) {
			pragmas.add(Pragmas.dataflow());
		}
		CExpr lower = expressions.emitAs(loop.getLower(), type);
		CExpr upper = expressions.emitAs(loop.getUpper(), type);
		return new CStmt.For(label, type, var, lower, upper, loop.getStep(), pragmas, statements(loop.getBody(), false));
	}

	private static IrFor enclosingLoop(IrFor loop) {
		for (var container = loop.eContainer(); container != null; container = container.eContainer()) {
			if (container instanceof IrFor outer) {
				return outer;
			}
			if (container instanceof IrFunction) {
				return null;
			}
		}
		return null;
	}

	/** The flat offset of an element of a row-major array of that shape: {@code (i0 * N1 + i1) * N2 + i2}. */
	static CExpr flatIndex(List<CExpr> index, List<Long> shape) {
		CExpr offset = index.get(0);
		for (int d = 1; d < shape.size(); d++) {
			offset = new CExpr.Binary(CBinaryOp.ADD, new CExpr.Binary(CBinaryOp.MUL, offset, new CExpr.Literal(Long.toString(shape.get(d)))),
					index.get(d));
		}
		return offset;
	}

	static CParam pointer(CType type, String name) {
		return new CParam(type, name, CParam.Form.POINTER, List.of());
	}
}
