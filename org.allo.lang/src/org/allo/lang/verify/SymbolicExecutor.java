package org.allo.lang.verify;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrAssign;
import org.allo.lang.ir.IrBinary;
import org.allo.lang.ir.IrBitSlice;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrCast;
import org.allo.lang.ir.IrConstant;
import org.allo.lang.ir.IrDeclare;
import org.allo.lang.ir.IrEval;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrIf;
import org.allo.lang.ir.IrIndexType;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrMathCall;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrReturn;
import org.allo.lang.ir.IrSelect;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrStreamGet;
import org.allo.lang.ir.IrStreamPut;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrUnary;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.IrVarRef;
import org.allo.lang.ir.IrWhile;
import org.allo.lang.interpreter.Scalar;

/**
 * Runs an IR function on symbolic inputs (one {@link TermOp#INPUT} term per input element) into a
 * {@link TermTable}, following the interpreter statement by statement: loops run their constant trip
 * counts, an {@code if} on a data-dependent condition runs both branches and merges what they wrote
 * with {@code select} terms, streams are FIFOs of terms. What it cannot follow (a data-dependent loop
 * bound, index, return or stream access) ends the run with {@link CannotVerify}.
 */
public final class SymbolicExecutor {

	private static final int MAX_CALL_DEPTH = 1000;

	private final TermTable table;
	private final SymbolicArithmetic arithmetic;
	private final Budget budget;
	private final BranchTrail trail = new BranchTrail();
	private final Map<IrBuffer, SymbolicTensor> persistent = new HashMap<>();
	private int depth;
	/** The source line of the statement being executed, for messages. */
	private int line;

	public SymbolicExecutor(TermTable table, Budget budget) {
		this.table = table;
		this.arithmetic = new SymbolicArithmetic(table);
		this.budget = budget;
	}

	/** The outputs of the module's top function: its results, then every parameter buffer. */
	public List<SymbolicOutput> run(IrModule module) throws CannotVerify {
		IrFunction top = module.getFunctions().stream().filter(IrFunction::isTop).findFirst()
				.orElseThrow(() -> new CannotVerify("the module has no top function"));
		return run(top);
	}

	public List<SymbolicOutput> run(IrFunction function) throws CannotVerify {
		List<Object> arguments = new ArrayList<>();
		for (int p = 0; p < function.getParams().size(); p++) {
			arguments.add(input(p, function.getParams().get(p)));
		}
		List<Object> results = invoke(function, arguments);
		List<SymbolicOutput> outputs = new ArrayList<>();
		for (int r = 0; r < results.size(); r++) {
			IrType type = r < function.getResults().size() ? function.getResults().get(r) : null;
			outputs.add(output("result " + r, results.get(r), type));
		}
		for (int p = 0; p < function.getParams().size(); p++) {
			if (arguments.get(p) instanceof SymbolicTensor tensor) {
				outputs.add(new SymbolicOutput("parameter " + function.getParams().get(p).getName(), tensor.element, tensor.shape,
						tensor.terms()));
			}
		}
		return outputs;
	}

	private static SymbolicOutput output(String label, Object value, IrType type) throws CannotVerify {
		if (value instanceof SymbolicTensor tensor) {
			return new SymbolicOutput(label, tensor.element, tensor.shape, tensor.terms());
		}
		if (value instanceof Integer term) {
			return new SymbolicOutput(label, type, new long[0], new int[] { term });
		}
		throw new CannotVerify(label + " is a stream; streams are compared only inside a kernel");
	}

	private Object input(int position, IrValue param) throws CannotVerify {
		IrType type = param.getType();
		if (type instanceof IrStreamType) {
			throw new CannotVerify("parameter '" + param.getName() + "' is a stream; verify the kernel that fills it");
		}
		IrType element = IrTypeFacts.element(type);
		if (param instanceof IrVar) {
			return table.input(new InputRef(position, 0, param.getName()), IrTypeFacts.low(type), IrTypeFacts.high(type));
		}
		SymbolicTensor tensor = new SymbolicTensor(IrTypeFacts.shape(type), element, 0);
		for (int e = 0; e < tensor.cells.length; e++) {
			tensor.cells[e] = table.input(new InputRef(position, e, param.getName()), IrTypeFacts.low(element),
					IrTypeFacts.high(element));
		}
		return tensor;
	}

	private List<Object> invoke(IrFunction function, List<Object> arguments) throws CannotVerify {
		if (++depth > MAX_CALL_DEPTH) {
			throw new CannotVerify("calls nest deeper than " + MAX_CALL_DEPTH + " at line " + line);
		}
		Frame frame = new Frame();
		for (int i = 0; i < arguments.size() && i < function.getParams().size(); i++) {
			IrValue param = function.getParams().get(i);
			Object argument = arguments.get(i);
			if (param instanceof IrBuffer buffer && argument instanceof Integer scalar) {
				SymbolicTensor cell = new SymbolicTensor(new long[0], buffer.getType(), scalar);
				argument = cell;
			}
			frame.values.put(param, argument);
		}
		execute(function.getBody(), frame);
		depth--;
		return frame.results;
	}

	/** Returns true when a return statement ended the function. */
	private boolean execute(IrStatement statement, Frame frame) throws CannotVerify {
		budget.tick();
		if (statement.getLine() != 0) {
			line = statement.getLine();
		}
		if (statement instanceof IrBlock block) {
			for (IrStatement inner : block.getStatements()) {
				if (execute(inner, frame)) {
					return true;
				}
			}
			return false;
		}
		if (statement instanceof IrFor loop) {
			return executeFor(loop, frame);
		}
		if (statement instanceof IrWhile loop) {
			while (decided(loop.getCondition(), frame, "while loop")) {
				if (execute(loop.getBody(), frame)) {
					return true;
				}
			}
			return false;
		}
		if (statement instanceof IrIf branch) {
			return executeIf(branch, frame);
		}
		if (statement instanceof IrReturn ret) {
			if (trail.active()) {
				throw new CannotVerify("line " + line + ": a return inside a branch on input data");
			}
			for (IrExpr value : ret.getValues()) {
				frame.results.add(value(value, frame));
			}
			return true;
		}
		executeSimple(statement, frame);
		return false;
	}

	private boolean executeFor(IrFor loop, Frame frame) throws CannotVerify {
		long lower = constant(loop.getLower(), frame, "loop bound");
		long upper = constant(loop.getUpper(), frame, "loop bound");
		long step = loop.getStep();
		if (step == 0) {
			throw new CannotVerify("line " + line + ": loop '" + loop.getLoopName() + "' has step 0");
		}
		IrVar var = loop.getVar();
		for (long i = lower; step > 0 ? i < upper : i > upper; i += step) {
			budget.tick();
			trail.setVariable(frame, var, var.getType() instanceof IrIndexType ? table.exact(BigInteger.valueOf(i))
					: arithmetic.of(Scalar.of(i), var.getType()));
			if (execute(loop.getBody(), frame)) {
				return true;
			}
		}
		return false;
	}

	/** A branch on input data runs both ways; each written place then holds select(condition, then, else). */
	private boolean executeIf(IrIf branch, Frame frame) throws CannotVerify {
		int condition = scalar(branch.getCondition(), frame);
		if (table.isConstant(condition)) {
			IrBlock taken = arithmetic.scalar(condition, branch.getCondition().getType()).isTrue() ? branch.getThen() : branch.getElse();
			return taken != null && execute(taken, frame);
		}
		int mark = trail.begin();
		execute(branch.getThen(), frame);
		Map<BranchTrail.Place, Object> thenValues = trail.rollBack(mark);
		Map<BranchTrail.Place, Object> elseValues = new LinkedHashMap<>();
		if (branch.getElse() != null) {
			execute(branch.getElse(), frame);
			elseValues = trail.rollBack(mark);
		}
		trail.end();
		Map<BranchTrail.Place, Object> written = new LinkedHashMap<>(thenValues);
		elseValues.forEach(written::putIfAbsent);
		for (BranchTrail.Place place : written.keySet()) {
			Object before = trail.read(place);
			Object whenTrue = thenValues.getOrDefault(place, before);
			Object whenFalse = elseValues.getOrDefault(place, before);
			if (whenTrue instanceof Integer t && whenFalse instanceof Integer f) {
				trail.write(place, arithmetic.select(condition, t, f, place.type()));
			}
		}
		return false;
	}

	private void executeSimple(IrStatement statement, Frame frame) throws CannotVerify {
		if (statement instanceof IrAlloc alloc) {
			allocate(alloc, frame);
		} else if (statement instanceof IrDeclare declare) {
			IrVar var = declare.getVar();
			int initial = declare.getInit() == null ? arithmetic.of(Scalar.of(0), var.getType())
					: converted(declare.getInit(), var.getType(), frame);
			trail.setVariable(frame, var, initial);
		} else if (statement instanceof IrAssign assign) {
			trail.setVariable(frame, assign.getTarget(), converted(assign.getValue(), assign.getTarget().getType(), frame));
		} else if (statement instanceof IrStore store) {
			SymbolicTensor tensor = tensor(store.getBuffer(), frame);
			int offset = offset(store.getBuffer(), tensor, store.getIndices(), frame);
			trail.setCell(tensor, offset, converted(store.getValue(), tensor.element, frame));
		} else if (statement instanceof IrStreamPut put) {
			streamOutsideBranch(put.getStream());
			IrType element = IrTypeFacts.element(put.getStream().getType());
			fifo(put.getStream(), put.getIndices(), frame).addLast(converted(put.getValue(), element, frame));
		} else if (statement instanceof IrEval eval && eval.getExpr() instanceof IrCall call) {
			callFunction(call, frame);
		} else if (statement instanceof IrEval eval) {
			value(eval.getExpr(), frame);
		} else {
			throw new CannotVerify("line " + line + ": " + statement.eClass().getName() + " is not modelled");
		}
	}

	private void allocate(IrAlloc alloc, Frame frame) throws CannotVerify {
		IrBuffer buffer = alloc.getBuffer();
		if (buffer.getType() instanceof IrStreamType) {
			trail.setVariable(frame, buffer, new SymbolicFifos(IrTypeFacts.shape(buffer.getType())));
			return;
		}
		SymbolicTensor kept = persistent.get(buffer);
		if (kept != null) {
			trail.setVariable(frame, buffer, kept);
			return;
		}
		IrType element = IrTypeFacts.element(buffer.getType());
		int initial = alloc.getInit() == null ? arithmetic.of(Scalar.of(0), element)
				: converted(alloc.getInit(), element, frame);
		SymbolicTensor tensor = new SymbolicTensor(IrTypeFacts.shape(buffer.getType()), element, initial);
		trail.setVariable(frame, buffer, tensor);
		if (buffer.isStateful()) {
			persistent.put(buffer, tensor);
		}
	}

	private int converted(IrExpr expr, IrType to, Frame frame) throws CannotVerify {
		return arithmetic.convert(scalar(expr, frame), expr.getType(), to);
	}

	private Object value(IrExpr expr, Frame frame) throws CannotVerify {
		if (expr instanceof IrLoad load && load.getIndices().isEmpty() && load.getBuffer().getType() instanceof IrTensorType) {
			return tensor(load.getBuffer(), frame);
		}
		if (expr instanceof IrLoad load && load.getType() instanceof IrTensorType) {
			return view(load, frame);
		}
		if (expr instanceof IrLoad load && load.getBuffer().getType() instanceof IrStreamType) {
			return channel(load, frame);
		}
		if (expr instanceof IrCall call) {
			List<Object> results = callFunction(call, frame);
			if (results.size() != 1) {
				throw new CannotVerify(call.getFunction().getName() + " returned " + results.size() + " values where one was expected");
			}
			return results.get(0);
		}
		return scalar(expr, frame);
	}

	private List<Object> callFunction(IrCall call, Frame frame) throws CannotVerify {
		List<Object> arguments = new ArrayList<>();
		for (int i = 0; i < call.getArgs().size(); i++) {
			IrExpr argument = call.getArgs().get(i);
			Object value = value(argument, frame);
			IrValue param = i < call.getFunction().getParams().size() ? call.getFunction().getParams().get(i) : null;
			if (value instanceof Integer term && param instanceof IrVar var) {
				value = arithmetic.convert(term, argument.getType(), var.getType());
			}
			arguments.add(value);
		}
		return invoke(call.getFunction(), arguments);
	}

	/** The term of a scalar expression, in the expression's own type. */
	private int scalar(IrExpr expr, Frame frame) throws CannotVerify {
		budget.tick();
		IrType type = expr.getType();
		if (expr instanceof IrConstant constant) {
			Scalar value = constant.getInteger() != null ? new Scalar.Exact(constant.getInteger(), 0) : Scalar.of(constant.getReal());
			return arithmetic.of(value, type);
		}
		if (expr instanceof IrVarRef ref) {
			if (!(frame.values.get(ref.getVar()) instanceof Integer term)) {
				throw new CannotVerify("'" + ref.getVar().getName() + "' is read before it has a value");
			}
			return term;
		}
		if (expr instanceof IrLoad load) {
			SymbolicTensor tensor = tensor(load.getBuffer(), frame);
			return tensor.cells[offset(load.getBuffer(), tensor, load.getIndices(), frame)];
		}
		if (expr instanceof IrBinary binary) {
			return arithmetic.binary(binary.getOp(), scalar(binary.getLeft(), frame), binary.getLeft().getType(),
					scalar(binary.getRight(), frame), binary.getRight().getType(), type);
		}
		if (expr instanceof IrStreamGet get) {
			streamOutsideBranch(get.getStream());
			Integer value = fifo(get.getStream(), get.getIndices(), frame).pollFirst();
			if (value == null) {
				throw new CannotVerify("stream '" + get.getStream().getName() + "' is read while empty");
			}
			return value;
		}
		if (expr instanceof IrUnary unary) {
			return arithmetic.unary(unary.getOp(), scalar(unary.getOperand(), frame), unary.getOperand().getType(), type);
		}
		if (expr instanceof IrCast cast) {
			return converted(cast.getOperand(), type, frame);
		}
		if (expr instanceof IrSelect select) {
			int condition = scalar(select.getCondition(), frame);
			if (table.isConstant(condition)) {
				boolean taken = arithmetic.scalar(condition, select.getCondition().getType()).isTrue();
				return converted(taken ? select.getWhenTrue() : select.getWhenFalse(), type, frame);
			}
			return arithmetic.select(condition, converted(select.getWhenTrue(), type, frame), converted(select.getWhenFalse(), type, frame),
					type);
		}
		if (expr instanceof IrMathCall math) {
			int[] args = new int[math.getArgs().size()];
			List<IrType> types = new ArrayList<>();
			for (int i = 0; i < args.length; i++) {
				args[i] = scalar(math.getArgs().get(i), frame);
				types.add(math.getArgs().get(i).getType());
			}
			return arithmetic.math(math.getFunction(), args, types, type);
		}
		if (expr instanceof IrBitSlice slice) {
			return arithmetic.bitSlice(scalar(slice.getOperand(), frame), slice.getOperand().getType(), scalar(slice.getLow(), frame),
					slice.getLow().getType(), scalar(slice.getHigh(), frame), slice.getHigh().getType(), type);
		}
		if (expr instanceof IrCall && value(expr, frame) instanceof Integer term) {
			return term;
		}
		throw new CannotVerify(expr.eClass().getName() + " is not modelled as a scalar value");
	}

	private boolean decided(IrExpr condition, Frame frame, String what) throws CannotVerify {
		int term = scalar(condition, frame);
		if (!table.isConstant(term)) {
			throw new CannotVerify("line " + line + ": a " + what + " depends on the input data");
		}
		return arithmetic.scalar(term, condition.getType()).isTrue();
	}

	private long constant(IrExpr expr, Frame frame, String what) throws CannotVerify {
		int term = scalar(expr, frame);
		if (!table.isConstant(term)) {
			throw new CannotVerify("line " + line + ": a " + what + " depends on the input data");
		}
		if (table.get(term).op() == TermOp.EXACT && IrTypeFacts.fracs(expr.getType()) == 0) {
			return table.exactValue(term).longValue();
		}
		Scalar value = arithmetic.scalar(term, expr.getType());
		return value instanceof Scalar.Exact exact ? exact.toLong() : (long) value.toDouble();
	}

	private SymbolicTensor tensor(IrBuffer buffer, Frame frame) throws CannotVerify {
		Object value = frame.values.get(buffer);
		if (value == null) {
			value = persistent.get(buffer);
		}
		if (value == null && buffer.eContainer() instanceof IrModule) {
			IrType element = IrTypeFacts.element(buffer.getType());
			SymbolicTensor global = new SymbolicTensor(IrTypeFacts.shape(buffer.getType()), element,
					arithmetic.of(Scalar.of(0), element));
			persistent.put(buffer, global);
			value = global;
		}
		if (!(value instanceof SymbolicTensor tensor)) {
			throw new CannotVerify("buffer '" + buffer.getName() + "' is used before it is allocated");
		}
		return tensor;
	}

	private int offset(IrBuffer buffer, SymbolicTensor tensor, List<IrExpr> indexExprs, Frame frame) throws CannotVerify {
		long[] indices = new long[indexExprs.size()];
		for (int i = 0; i < indices.length; i++) {
			indices[i] = constant(indexExprs.get(i), frame, "index into '" + buffer.getName() + "'");
		}
		int offset = tensor.offset(indices);
		if (offset < 0) {
			throw new CannotVerify("line " + line + ": index " + Arrays.toString(indices) + " is out of bounds of '"
					+ buffer.getName() + "'");
		}
		return offset;
	}

	/** A row of a buffer passed to a call ({@code G[r]}), sharing the buffer's cells. */
	private SymbolicTensor view(IrLoad load, Frame frame) throws CannotVerify {
		long[] indices = new long[load.getIndices().size()];
		for (int i = 0; i < indices.length; i++) {
			indices[i] = constant(load.getIndices().get(i), frame, "index into '" + load.getBuffer().getName() + "'");
		}
		SymbolicTensor view = tensor(load.getBuffer(), frame).view(indices);
		if (view == null) {
			throw new CannotVerify("line " + line + ": index " + Arrays.toString(indices) + " is out of bounds of '" + load.getBuffer().getName() + "'");
		}
		return view;
	}

	/** A stream argument: the whole stream array, or the FIFOs its leading indices select. */
	private SymbolicFifos channel(IrLoad load, Frame frame) throws CannotVerify {
		if (!(frame.values.get(load.getBuffer()) instanceof SymbolicFifos fifos)) {
			throw new CannotVerify("stream '" + load.getBuffer().getName() + "' is used before it is allocated");
		}
		long[] indices = new long[load.getIndices().size()];
		for (int i = 0; i < indices.length; i++) {
			indices[i] = constant(load.getIndices().get(i), frame, "index into stream '" + load.getBuffer().getName() + "'");
		}
		SymbolicFifos channel = indices.length == 0 ? fifos : fifos.channel(indices);
		if (channel == null) {
			throw new CannotVerify("line " + line + ": index out of bounds of stream array '" + load.getBuffer().getName() + "'");
		}
		return channel;
	}

	private ArrayDeque<Integer> fifo(IrBuffer stream, List<IrExpr> indexExprs, Frame frame) throws CannotVerify {
		if (!(frame.values.get(stream) instanceof SymbolicFifos fifos)) {
			throw new CannotVerify("stream '" + stream.getName() + "' is used before it is allocated");
		}
		long[] indices = new long[indexExprs.size()];
		for (int i = 0; i < indices.length; i++) {
			indices[i] = constant(indexExprs.get(i), frame, "index into stream '" + stream.getName() + "'");
		}
		int offset = SymbolicTensor.offset(fifos.shape, indices);
		if (offset < 0) {
			throw new CannotVerify("line " + line + ": index out of bounds of stream array '" + stream.getName() + "'");
		}
		return fifos.queues.get(offset);
	}

	private void streamOutsideBranch(IrBuffer stream) throws CannotVerify {
		if (trail.active()) {
			throw new CannotVerify("line " + line + ": stream '" + stream.getName() + "' is used inside a branch on input data");
		}
	}

	/** The values of one function activation. */
	static final class Frame {
		final Map<IrValue, Object> values = new HashMap<>();
		final List<Object> results = new ArrayList<>();
	}
}
