package org.allo.lang.interpreter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrAssign;
import org.allo.lang.ir.IrBinary;
import org.allo.lang.ir.IrBinaryOp;
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

/**
 * The reference interpreter of the IR: runs a function of a module on scalars ({@link Scalar}), tensors
 * ({@link Tensor}) and streams ({@link Fifos}); tensors and streams are passed by reference. Every
 * expression is evaluated in its own IR type with {@link Arithmetic}. Stateful buffers (module globals
 * and stateful local allocations) keep their values across calls on the same instance. Run-time faults
 * are {@link SimulationError}s with the source line.
 */
public final class Interpreter implements Simulator {

	/** Enough for any realistic kernel; a program running longer almost surely loops forever. */
	public static final long DEFAULT_MAX_STEPS = 200_000_000L;

	private final IrModule module;
	private final long maxSteps;
	private final Map<IrBuffer, Tensor> persistent = new HashMap<>();
	private long steps;
	private int depth;
	private DataflowScheduler scheduler;
	private RegionListener regionListener = (buffer, fifos) -> {
	};

	/** Told about each FIFO buffer a dataflow region allocates, so FIFO sizing can read its high water. */
	@FunctionalInterface
	public interface RegionListener {
		void allocated(IrBuffer stream, Fifos fifos);
	}

	public Interpreter(IrModule module) {
		this(module, DEFAULT_MAX_STEPS);
	}

	/** maxSteps bounds the statements and loop iterations executed by one call from outside. */
	public Interpreter(IrModule module, long maxSteps) {
		this.module = module;
		this.maxSteps = maxSteps;
	}

	public void setRegionListener(RegionListener listener) {
		this.regionListener = listener;
	}

	/** Calls the function of the module with that name. Arguments are {@link Scalar}s and {@link Tensor}s. */
	public List<Object> call(String functionName, Object... arguments) throws SimulationError {
		for (IrFunction function : module.getFunctions()) {
			if (functionName.equals(function.getName())) {
				return call(function, Arrays.asList(arguments));
			}
		}
		throw new SimulationError(0, "the module has no function named '" + functionName + "'");
	}

	/** The statements and loop iterations the last call executed, for summaries. */
	@Override
	public long steps() {
		return steps;
	}

	@Override
	public List<Object> call(IrFunction function, List<Object> arguments) throws SimulationError {
		steps = 0;
		depth = 0;
		for (int i = 0; i < arguments.size() && i < function.getParams().size(); i++) {
			if (arguments.get(i) instanceof Tensor tensor) {
				normalise(tensor, elementType(function.getParams().get(i).getType()));
			}
		}
		return invoke(function, arguments, 0);
	}

	/** Elements built by tests or tools get the canonical form of the parameter's element type. */
	public static void normalise(Tensor tensor, IrType element) throws SimulationError {
		for (int i = 0; i < tensor.size(); i++) {
			tensor.set(i, Arithmetic.convert(tensor.get(i), element));
		}
	}

	private List<Object> invoke(IrFunction function, List<Object> arguments, int line) throws SimulationError {
		if (arguments.size() != function.getParams().size()) {
			throw Faults.argumentCount(line, function.getName(), function.getParams().size(), arguments.size());
		}
		if (++depth > Faults.MAX_CALL_DEPTH) {
			throw Faults.callsTooDeep(line);
		}
		Frame frame = new Frame();
		for (int i = 0; i < arguments.size(); i++) {
			bindParameter(frame, function.getParams().get(i), arguments.get(i), line);
		}
		if (function.isRegion()) {
			runRegion(function, frame);
		} else {
			execute(function.getBody(), frame);
		}
		depth--;
		return frame.results;
	}

	/**
	 * A region's body: its streams are allocated with their depths as capacities (unbounded when the
	 * depth is left to FIFO sizing), then its instances run under a {@link DataflowScheduler}.
	 */
	private void runRegion(IrFunction region, Frame frame) throws SimulationError {
		if (scheduler != null) {
			throw new SimulationError(0, "region '" + region.getName()
					+ "' is called from inside another region, which the simulator does not run; call it from a plain kernel");
		}
		DataflowScheduler regionScheduler = new DataflowScheduler();
		for (IrStatement statement : region.getBody().getStatements()) {
			if (statement instanceof IrAlloc alloc && alloc.getBuffer().getType() instanceof IrStreamType stream) {
				Fifos fifos = new Fifos(alloc.getBuffer().getName(), shape(stream),
						stream.getDepth() == 0 ? Fifo.UNBOUNDED : stream.getDepth());
				frame.values.put(alloc.getBuffer(), fifos);
				regionListener.allocated(alloc.getBuffer(), fifos);
			} else if (statement instanceof IrEval eval && eval.getExpr() instanceof IrCall call) {
				List<Object> arguments = new ArrayList<>();
				List<Fifo> fifos = new ArrayList<>();
				for (IrExpr argument : call.getArgs()) {
					Object value = evaluate(argument, frame);
					arguments.add(value);
					if (value instanceof Fifos stream) {
						fifos.addAll(stream.all());
					}
				}
				regionScheduler.add(call.getFunction().getName(), fifos,
						() -> invoke(call.getFunction(), arguments, statement.getLine()));
			} else {
				throw new SimulationError(statement.getLine(), "a region body holds only stream allocations and calls");
			}
		}
		scheduler = regionScheduler;
		try {
			regionScheduler.run();
		} finally {
			scheduler = null;
		}
	}

	private void bindParameter(Frame frame, IrValue param, Object argument, int line) throws SimulationError {
		if (param instanceof IrVar var && argument instanceof Scalar scalar) {
			frame.values.put(var, Arithmetic.convert(scalar, var.getType()));
		} else if (param instanceof IrBuffer buffer && argument instanceof Tensor tensor
				&& Arrays.equals(tensor.shape(), shape(buffer.getType()))) {
			frame.values.put(buffer, tensor);
		} else if (param instanceof IrBuffer buffer && argument instanceof Fifos fifos
				&& buffer.getType() instanceof IrStreamType && Arrays.equals(fifos.shape(), shape(buffer.getType()))) {
			frame.values.put(buffer, fifos);
		} else if (param instanceof IrBuffer buffer && argument instanceof Scalar scalar && shape(buffer.getType()).length == 0) {
			frame.values.put(buffer, new Tensor(new long[0], Arithmetic.convert(scalar, buffer.getType())));
		} else {
			throw Faults.argumentMismatch(line, param.getName());
		}
	}

	/** Returns true when a return statement ended the function. */
	private boolean execute(IrStatement statement, Frame frame) throws SimulationError {
		tick(statement);
		try {
			return dispatch(statement, frame);
		} catch (SimulationError error) {
			throw Faults.atLine(error, statement.getLine());
		}
	}

	private void tick(IrStatement statement) throws SimulationError {
		if (++steps > maxSteps) {
			throw Faults.tooManySteps(statement.getLine(), maxSteps);
		}
	}

	private boolean dispatch(IrStatement statement, Frame frame) throws SimulationError {
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
			while (scalar(loop.getCondition(), frame).isTrue()) {
				if (execute(loop.getBody(), frame)) {
					return true;
				}
			}
			return false;
		}
		if (statement instanceof IrIf branch) {
			IrBlock taken = scalar(branch.getCondition(), frame).isTrue() ? branch.getThen() : branch.getElse();
			return taken != null && execute(taken, frame);
		}
		if (statement instanceof IrReturn ret) {
			for (IrExpr value : ret.getValues()) {
				frame.results.add(evaluate(value, frame));
			}
			return true;
		}
		executeSimple(statement, frame);
		return false;
	}

	private void executeSimple(IrStatement statement, Frame frame) throws SimulationError {
		if (statement instanceof IrAlloc alloc) {
			allocate(alloc, frame);
		} else if (statement instanceof IrDeclare declare) {
			IrVar var = declare.getVar();
			Scalar initial = declare.getInit() == null ? Scalar.of(0) : scalar(declare.getInit(), frame);
			frame.values.put(var, Arithmetic.convert(initial, var.getType()));
		} else if (statement instanceof IrAssign assign) {
			IrVar var = assign.getTarget();
			frame.values.put(var, Arithmetic.convert(scalar(assign.getValue(), frame), var.getType()));
		} else if (statement instanceof IrStore store) {
			Tensor tensor = tensor(store.getBuffer(), frame);
			int offset = offset(store.getBuffer(), tensor, store.getIndices(), frame);
			tensor.set(offset, Arithmetic.convert(scalar(store.getValue(), frame), elementType(store.getBuffer().getType())));
		} else if (statement instanceof IrStreamPut put) {
			IrType element = elementType(put.getStream().getType());
			Fifo fifo = fifo(put.getStream(), put.getIndices(), frame);
			Scalar value = Arithmetic.convert(scalar(put.getValue(), frame), element);
			if (scheduler == null) {
				fifo.add(value);
			} else {
				scheduler.put(fifo, value);
			}
		} else if (statement instanceof IrEval eval && eval.getExpr() instanceof IrCall call) {
			callFunction(call, frame);
		} else if (statement instanceof IrEval eval) {
			evaluate(eval.getExpr(), frame);
		} else {
			throw new SimulationError(statement.getLine(), statement.eClass().getName() + " is not simulated yet");
		}
	}

	private void allocate(IrAlloc alloc, Frame frame) throws SimulationError {
		IrBuffer buffer = alloc.getBuffer();
		if (buffer.getType() instanceof IrStreamType) {
			frame.values.put(buffer, new Fifos(buffer.getName(), shape(buffer.getType()), Fifo.UNBOUNDED));
			return;
		}
		Tensor kept = persistent.get(buffer);
		if (kept != null) {
			frame.values.put(buffer, kept);
			return;
		}
		IrType element = elementType(buffer.getType());
		Tensor tensor;
		if (alloc.getInit() != null && alloc.getInit().getType() instanceof IrTensorType) {
			tensor = copy(evaluate(alloc.getInit(), frame), buffer);
		} else {
			Scalar initial = alloc.getInit() == null ? Scalar.of(0) : scalar(alloc.getInit(), frame);
			tensor = new Tensor(shape(buffer.getType()), Arithmetic.convert(initial, element));
		}
		frame.values.put(buffer, tensor);
		if (buffer.isStateful()) {
			persistent.put(buffer, tensor);
		}
	}

	/** A new tensor for the buffer with the source's elements converted to its element type. */
	private static Tensor copy(Object source, IrBuffer buffer) throws SimulationError {
		if (!(source instanceof Tensor from) || !Arrays.equals(from.shape(), shape(buffer.getType()))) {
			throw new SimulationError(0, "the initial value of '" + buffer.getName() + "' does not have its shape "
					+ Arrays.toString(shape(buffer.getType())));
		}
		IrType element = elementType(buffer.getType());
		Tensor tensor = new Tensor(from.shape(), Scalar.of(0));
		for (int i = 0; i < from.size(); i++) {
			tensor.set(i, Arithmetic.convert(from.get(i), element));
		}
		return tensor;
	}

	private boolean executeFor(IrFor loop, Frame frame) throws SimulationError {
		long lower = integer(loop.getLower(), frame);
		long upper = integer(loop.getUpper(), frame);
		long step = loop.getStep();
		if (step == 0) {
			throw new SimulationError(loop.getLine(), "loop '" + loop.getLoopName() + "' has step 0 and would never end");
		}
		IrVar var = loop.getVar();
		for (long i = lower; step > 0 ? i < upper : i > upper; i += step) {
			frame.values.put(var, Arithmetic.convert(Scalar.of(i), var.getType()));
			if (execute(loop.getBody(), frame)) {
				return true;
			}
		}
		return false;
	}

	private Object evaluate(IrExpr expr, Frame frame) throws SimulationError {
		if (expr instanceof IrLoad load && load.getIndices().isEmpty() && load.getBuffer().getType() instanceof IrTensorType) {
			return tensor(load.getBuffer(), frame);
		}
		if (expr instanceof IrLoad load && load.getType() instanceof IrTensorType) {
			return view(load, frame);
		}
		if (expr instanceof IrLoad load && load.getBuffer().getType() instanceof IrStreamType && load.getIndices().isEmpty()) {
			return frame.values.get(load.getBuffer());
		}
		if (expr instanceof IrLoad load && load.getBuffer().getType() instanceof IrStreamType) {
			return fifoElement(load, frame);
		}
		if (expr instanceof IrCall call) {
			List<Object> results = callFunction(call, frame);
			if (results.size() != 1) {
				throw new SimulationError(0, call.getFunction().getName() + " returned " + results.size()
						+ " values where one was expected");
			}
			return results.get(0);
		}
		return scalar(expr, frame);
	}

	/** {@code G[r]}: the sub-tensor at the leading indices, sharing G's storage (passed by reference like G). */
	private Tensor view(IrLoad load, Frame frame) throws SimulationError {
		Tensor whole = tensor(load.getBuffer(), frame);
		List<Long> indices = new ArrayList<>();
		for (IrExpr index : load.getIndices()) {
			indices.add(integer(index, frame));
		}
		Tensor view = whole.subTensor(indices);
		if (view == null) {
			throw new SimulationError(0, "index " + indices + " is out of bounds of '" + load.getBuffer().getName()
					+ "' with shape " + Arrays.toString(whole.shape()));
		}
		return view;
	}

	private List<Object> callFunction(IrCall call, Frame frame) throws SimulationError {
		List<Object> arguments = new ArrayList<>();
		for (IrExpr argument : call.getArgs()) {
			arguments.add(evaluate(argument, frame));
		}
		return invoke(call.getFunction(), arguments, 0);
	}

	private Scalar scalar(IrExpr expr, Frame frame) throws SimulationError {
		IrType type = expr.getType();
		if (expr instanceof IrConstant constant) {
			Scalar value = constant.getInteger() != null ? new Scalar.Exact(constant.getInteger(), 0) : Scalar.of(constant.getReal());
			return Arithmetic.convert(value, type);
		}
		if (expr instanceof IrVarRef ref) {
			Object value = frame.values.get(ref.getVar());
			if (!(value instanceof Scalar scalar)) {
				throw new SimulationError(0, "'" + ref.getVar().getName() + "' is read before it has a value");
			}
			return scalar;
		}
		if (expr instanceof IrLoad load) {
			Tensor tensor = tensor(load.getBuffer(), frame);
			return tensor.get(offset(load.getBuffer(), tensor, load.getIndices(), frame));
		}
		if (expr instanceof IrBinary binary) {
			return binary(binary, frame);
		}
		if (expr instanceof IrStreamGet get) {
			Fifo fifo = fifo(get.getStream(), get.getIndices(), frame);
			if (scheduler != null) {
				return scheduler.get(fifo);
			}
			Scalar value = fifo.poll();
			if (value == null) {
				throw Faults.emptyStream(0, get.getStream().getName());
			}
			return value;
		}
		if (expr instanceof IrUnary unary) {
			return Arithmetic.unary(unary.getOp(), scalar(unary.getOperand(), frame), type);
		}
		if (expr instanceof IrCast cast) {
			return Arithmetic.convert(scalar(cast.getOperand(), frame), type);
		}
		if (expr instanceof IrSelect select) {
			IrExpr chosen = scalar(select.getCondition(), frame).isTrue() ? select.getWhenTrue() : select.getWhenFalse();
			return Arithmetic.convert(scalar(chosen, frame), type);
		}
		if (expr instanceof IrMathCall math) {
			List<Scalar> args = new ArrayList<>();
			for (IrExpr arg : math.getArgs()) {
				args.add(scalar(arg, frame));
			}
			return MathFunctions.apply(math.getFunction(), args, type);
		}
		if (expr instanceof IrBitSlice slice) {
			return Arithmetic.bitSlice(scalar(slice.getOperand(), frame), integer(slice.getLow(), frame),
					integer(slice.getHigh(), frame), type);
		}
		if (expr instanceof IrCall && evaluate(expr, frame) instanceof Scalar scalar) {
			return scalar;
		}
		throw new SimulationError(0, expr.eClass().getName() + " is not simulated as a scalar value");
	}

	/** and/or evaluate their right operand only when the left one does not decide, as in Python. */
	private Scalar binary(IrBinary binary, Frame frame) throws SimulationError {
		Scalar left = scalar(binary.getLeft(), frame);
		IrBinaryOp op = binary.getOp();
		if (op == IrBinaryOp.AND && !left.isTrue() || op == IrBinaryOp.OR && left.isTrue()) {
			return Arithmetic.truth(left.isTrue(), binary.getType());
		}
		return Arithmetic.binary(op, left, scalar(binary.getRight(), frame), binary.getType());
	}

	private long integer(IrExpr expr, Frame frame) throws SimulationError {
		Scalar value = scalar(expr, frame);
		return value instanceof Scalar.Exact exact ? exact.toLong() : (long) value.toDouble();
	}

	private Tensor tensor(IrBuffer buffer, Frame frame) throws SimulationError {
		Object value = frame.values.get(buffer);
		if (value == null) {
			value = persistent.get(buffer);
		}
		if (value == null && module.getGlobals().contains(buffer)) {
			Scalar initial = buffer.getInit() == null ? Scalar.of(0) : scalar(buffer.getInit(), new Frame());
			Tensor global = new Tensor(shape(buffer.getType()), Arithmetic.convert(initial, elementType(buffer.getType())));
			persistent.put(buffer, global);
			value = global;
		}
		if (!(value instanceof Tensor tensor)) {
			throw new SimulationError(0, "buffer '" + buffer.getName() + "' is used before it is allocated");
		}
		return tensor;
	}

	private int offset(IrBuffer buffer, Tensor tensor, List<IrExpr> indexExprs, Frame frame) throws SimulationError {
		List<Long> indices = new ArrayList<>();
		for (IrExpr index : indexExprs) {
			indices.add(integer(index, frame));
		}
		int offset = tensor.offset(indices);
		if (offset < 0) {
			throw Faults.outOfBounds(0, buffer.getName(), indices, tensor.shape());
		}
		return offset;
	}

	private Fifo fifo(IrBuffer stream, List<IrExpr> indexExprs, Frame frame) throws SimulationError {
		if (!(frame.values.get(stream) instanceof Fifos fifos)) {
			throw new SimulationError(0, "stream '" + stream.getName() + "' is used before it is allocated");
		}
		List<Long> indices = new ArrayList<>();
		for (IrExpr index : indexExprs) {
			indices.add(integer(index, frame));
		}
		Fifo fifo = fifos.at(indices);
		if (fifo == null) {
			throw Faults.streamOutOfBounds(0, stream.getName(), indices, fifos.shape());
		}
		return fifo;
	}

	/** {@code fifo_A[1, 2]} as a call argument: that one FIFO of the stream array. */
	private Fifos fifoElement(IrLoad load, Frame frame) throws SimulationError {
		if (!(frame.values.get(load.getBuffer()) instanceof Fifos fifos)) {
			throw new SimulationError(0, "stream '" + load.getBuffer().getName() + "' is used before it is allocated");
		}
		List<Long> indices = new ArrayList<>();
		for (IrExpr index : load.getIndices()) {
			indices.add(integer(index, frame));
		}
		Fifos element = fifos.element(indices);
		if (element == null) {
			throw Faults.streamOutOfBounds(0, load.getBuffer().getName(), indices, fifos.shape());
		}
		return element;
	}

	/** The shape of a tensor or stream type; [] for a scalar type. */
	public static long[] shape(IrType type) {
		if (type instanceof IrTensorType tensor) {
			return tensor.getShape().stream().mapToLong(Long::longValue).toArray();
		}
		if (type instanceof IrStreamType stream) {
			return stream.getShape().stream().mapToLong(Long::longValue).toArray();
		}
		return new long[0];
	}

	/** The element type of a tensor or stream type; a scalar type is its own element type. */
	public static IrType elementType(IrType type) {
		if (type instanceof IrStreamType stream) {
			return stream.getElement();
		}
		return type instanceof IrTensorType tensor ? tensor.getElement() : type;
	}

	/** The values of one function activation: scalars of variables and tensors of buffers. */
	private static final class Frame {
		final Map<IrValue, Object> values = new HashMap<>();
		final List<Object> results = new ArrayList<>();
	}
}
