package org.allo.lang.lowering;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.Argument;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.ElifClause;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.ExprStmt;
import org.allo.lang.allo.ForStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.IfStmt;
import org.allo.lang.allo.ListExpr;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.PassStmt;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.ReturnStmt;
import org.allo.lang.allo.Statement;
import org.allo.lang.allo.SliceExpr;
import org.allo.lang.allo.StringLiteral;
import org.allo.lang.allo.SubscriptExpr;
import org.allo.lang.allo.Suite;
import org.allo.lang.allo.TupleExpr;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.allo.WhileStmt;
import org.allo.lang.allo.WithStmt;
import org.allo.lang.allo.MemberExpr;
import org.allo.lang.dataflow.DataflowSyntax;
import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrAssign;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrDeclare;
import org.allo.lang.ir.IrEval;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrIf;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrReturn;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrStreamPut;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.builder.IrNodes;
import org.allo.lang.ir.IrWhile;
import org.allo.lang.schedule.LoopTable;
import org.allo.lang.scoping.Names;
import org.allo.lang.types.ConstantEvaluator;
import org.allo.lang.types.IntType;
import org.allo.lang.types.MetaBranches;
import org.allo.lang.types.StreamType;
import org.allo.lang.types.NoneType;
import org.allo.lang.types.TensorType;
import org.allo.lang.types.TupleType;
import org.allo.lang.types.Type;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * One kernel as one IR function: parameters, local buffers (IrAlloc with a broadcast initial
 * value), scalars (IrDeclare/IrAssign), stores with the conversion to the target's type, control
 * flow and returns. Stateful locals become globals of the module, named {@code kernel.local}.
 */
final class KernelLowering {

	private static final IrFactory IR = IrFactory.eINSTANCE;

	private final FunctionDef kernel;
	private final InstanceTyping types;
	private final String name;
	private final List<String> instanceArgs;
	private final ConstantEvaluator constants;
	private final IrModule module;
	private final Map<Referable, IrValue> values = new HashMap<>();
	private final ExpressionLowering expressions;
	private final LoopLowering loops;
	private final MetaBranches metaBranches;
	private final DataflowSyntax dataflow;
	private final StreamPorts ports;
	private IrFunction function;

	/**
	 * {@code name} is the function's name: the kernel's, or an instance's when {@code instanceArgs} is
	 * not empty; {@code ports} turns the region streams a dataflow kernel instance uses into parameters.
	 */
	KernelLowering(FunctionDef kernel, String name, List<String> instanceArgs, InstanceTyping types,
			LoweringServices services, IrModule module, Callees callees, StreamPorts ports) {
		this.kernel = kernel;
		this.name = name;
		this.instanceArgs = instanceArgs;
		this.types = types;
		this.constants = services.constants();
		this.metaBranches = services.metaBranches();
		this.dataflow = services.dataflow();
		this.module = module;
		this.ports = ports;
		this.expressions = new ExpressionLowering(types, services.templates(), services.stdlib(), values, callees, ports);
		this.loops = new LoopLowering(expressions, types, values, LoopTable.of(kernel));
	}

	/** The function's signature, registered before its body so that recursive references resolve. */
	IrFunction signature() {
		function = IR.createIrFunction();
		function.setName(name);
		function.setSourceKernel(kernel.getName());
		function.getInstanceArgs().addAll(instanceArgs);
		for (Param param : kernel.getParams()) {
			IrType type = TypeLowering.lower(types.typeOf(param), param);
			IrValue value = type instanceof IrTensorType ? buffer(param.getName(), type, param.getAttribute())
					: IrNodes.var(param.getName(), type);
			values.put(param, value);
			function.getParams().add(value);
		}
		function.getResults().addAll(results());
		return function;
	}

	/** The body; region streams the body uses are appended to the parameters, in order of first use. */
	void body() {
		function.setBody(block(kernel.getBody()));
		ports.ports().forEach(port -> function.getParams().add(port.param()));
	}

	/** The region streams the instance uses, matching the parameters after the kernel's own. */
	List<StreamPorts.Port> ports() {
		return ports.ports();
	}

	/** A stream declaration of a region body as an allocation in {@code block}; returns the stream. */
	IrBuffer declareStream(VarDecl decl, IrBlock block) {
		declaration(decl, block);
		return (IrBuffer) values.get(decl);
	}

	/** An expression of the kernel's scope, such as an argument a region passes to its kernels. */
	IrExpr lower(Expr expr) {
		return expressions.lower(expr);
	}

	private List<IrType> results() {
		Type result = types.returnType(kernel);
		if (result instanceof NoneType) {
			return List.of();
		} else if (result instanceof TupleType tuple) {
			return tuple.elements().stream().map(element -> TypeLowering.lower(element, kernel.getReturnType())).toList();
		}
		return List.of(TypeLowering.lower(result, kernel.getReturnType()));
	}

	private IrBlock block(Suite suite) {
		IrBlock block = IR.createIrBlock();
		if (suite != null) {
			addStatements(suite.getStatements(), block);
		}
		return block;
	}

	private void addStatements(List<Statement> statements, IrBlock block) {
		for (int i = 0; i < statements.size(); i++) {
			Statement statement = statements.get(i);
			if (MetaBranches.isBranch(statement)) {
				metaBranch(statements, i, block);
			} else if ("meta_for".equals(MetaBranches.metaName(statement))) {
				metaFor((WithStmt) statement, block);
			} else if (!dataflow.isPidAssignment(statement)) {
				statement(statement, block);
			}
		}
	}

	/** The branch of a meta_if chain this instance takes is lowered in place; the others vanish. */
	private void metaBranch(List<Statement> statements, int index, IrBlock block) {
		Boolean taken = metaBranches.taken(statements, index, types.known());
		WithStmt with = (WithStmt) statements.get(index);
		if (taken == null) {
			throw new LoweringError(with.getContext(), IssueCodes.LOWERING_UNSUPPORTED_STATEMENT, "the condition of this "
					+ MetaBranches.metaName(with) + " is not known at compile time in instance '" + name
					+ "'; use constants, template parameters and df.get_pid() coordinates");
		}
		if (taken) {
			addStatements(with.getBody().getStatements(), block);
		}
	}

	/** {@code with allo.meta_for(lb, ub) as v}: one copy of the body per value of v, each in its own block. */
	private void metaFor(WithStmt with, IrBlock block) {
		List<Expr> bounds = ((CallExpr) with.getContext()).getArgs().stream().map(Argument::getValue).toList();
		BigInteger lower = bounds.size() >= 2 ? types.integer(bounds.get(0)) : BigInteger.ZERO;
		BigInteger upper = bounds.isEmpty() ? null : types.integer(bounds.get(bounds.size() >= 2 ? 1 : 0));
		BigInteger step = bounds.size() >= 3 ? types.integer(bounds.get(2)) : BigInteger.ONE;
		if (lower == null || upper == null || step == null || step.signum() <= 0 || with.getVar() == null) {
			throw new LoweringError(with.getContext(), IssueCodes.LOWERING_UNSUPPORTED_STATEMENT,
					"meta_for needs compile-time bounds and a positive step, and 'as v' to name its variable; write with allo.meta_for(0, P) as p:");
		}
		for (BigInteger value = lower; value.compareTo(upper) < 0; value = value.add(step)) {
			types.bind(with.getVar(), value);
			IrBlock copy = block(with.getBody());
			add(block, copy, with);
		}
		types.bind(with.getVar(), null);
	}

	private void statement(Statement statement, IrBlock block) {
		if (statement instanceof VarDecl decl) {
			declaration(decl, block);
		} else if (statement instanceof ExprStmt stmt && stmt.getOp() != null) {
			add(block, assignment(stmt), stmt);
		} else if (statement instanceof ExprStmt stmt && stmt.getExpr() instanceof CallExpr call && isPut(call)) {
			add(block, put(call), stmt);
		} else if (statement instanceof ExprStmt stmt && stmt.getExpr() instanceof CallExpr call) {
			IrEval eval = IR.createIrEval();
			eval.setExpr(expressions.lower(call));
			add(block, eval, stmt);
		} else if (statement instanceof ForStmt loop) {
			LoopLowering.Nest nest = loops.lower(loop);
			nest.innermostBody().getStatements().addAll(block(loop.getBody()).getStatements());
			add(block, nest.outer(), loop);
		} else if (statement instanceof IfStmt branch) {
			add(block, conditional(branch), branch);
		} else if (statement instanceof WhileStmt loop && loop.getElse() == null) {
			IrWhile irLoop = IR.createIrWhile();
			irLoop.setCondition(expressions.lower(loop.getCondition()));
			irLoop.setBody(block(loop.getBody()));
			add(block, irLoop, loop);
		} else if (statement instanceof ReturnStmt ret) {
			add(block, returned(ret), ret);
		} else if (!(statement instanceof PassStmt)) {
			throw new LoweringError(statement, IssueCodes.LOWERING_UNSUPPORTED_STATEMENT,
					"this statement cannot be lowered to the IR yet; the lowering covers declarations, assignments, calls, for, if, while and return");
		}
	}

	private boolean isPut(CallExpr call) {
		return call.getCallee() instanceof MemberExpr member && "put".equals(Names.nameOf(member.getMember()))
				&& types.typeOf(member.getReceiver()) instanceof StreamType && call.getArgs().size() == 1;
	}

	private IrStreamPut put(CallExpr call) {
		Expr receiver = ((MemberExpr) call.getCallee()).getReceiver();
		IrType element = TypeLowering.lower(((StreamType) types.typeOf(receiver)).element(), receiver);
		// the value first: a stream it reads is used before the one written, as the instance runs
		IrExpr value = expressions.lowerAs(call.getArgs().get(0).getValue(), element);
		ExpressionLowering.StreamAccess access = expressions.stream(receiver, true);
		IrStreamPut put = IR.createIrStreamPut();
		put.setStream(access.stream());
		put.getIndices().addAll(access.indices());
		put.setValue(value);
		return put;
	}

	private static void add(IrBlock block, IrStatement statement, Statement source) {
		ICompositeNode node = NodeModelUtils.getNode(source);
		statement.setLine(node == null ? 0 : node.getStartLine());
		block.getStatements().add(statement);
	}

	private void declaration(VarDecl decl, IrBlock block) {
		IrType type = TypeLowering.lower(types.typeOf(decl), decl);
		boolean stateful = constants.isStdlibClass(Names.targetOf(decl.getAttribute()), "Stateful");
		if (stateful) {
			IrBuffer global = buffer(name + "." + decl.getName(), type, null);
			global.setStateful(true);
			if (decl.getInit() != null) {
				global.setInit(broadcast(decl.getInit(), type instanceof IrTensorType tensor ? tensor.getElement() : type));
			}
			module.getGlobals().add(global);
			values.put(decl, global);
		} else if (type instanceof IrStreamType) {
			IrAlloc alloc = IR.createIrAlloc();
			alloc.setBuffer(buffer(decl.getName(), type, null));
			add(block, alloc, decl);
			values.put(decl, alloc.getBuffer());
		} else if (type instanceof IrTensorType tensor) {
			IrAlloc alloc = IR.createIrAlloc();
			IrBuffer buffer = buffer(decl.getName(), type, decl.getAttribute());
			alloc.setBuffer(buffer);
			add(block, alloc, decl);
			if (decl.getInit() instanceof ListExpr list) {
				listElements(list, buffer, new ArrayList<>(), block, decl);
			} else if (decl.getInit() != null && types.typeOf(decl.getInit()) instanceof TensorType) {
				alloc.setInit(expressions.lower(decl.getInit()));
			} else if (decl.getInit() != null) {
				alloc.setInit(broadcast(decl.getInit(), tensor.getElement()));
			}
			values.put(decl, buffer);
		} else {
			IrDeclare declare = IR.createIrDeclare();
			IrVar variable = IrNodes.var(decl.getName(), type);
			declare.setVar(variable);
			if (decl.getInit() != null) {
				declare.setInit(expressions.lowerAs(decl.getInit(), type));
			}
			values.put(decl, variable);
			add(block, declare, decl);
		}
	}

	/** {@code [[1, 2], [3, 4]]}: one store per element, at the indices of its position in the nested lists. */
	private void listElements(ListExpr list, IrBuffer buffer, List<Long> position, IrBlock block, VarDecl decl) {
		IrTensorType tensor = (IrTensorType) buffer.getType();
		int dim = position.size();
		if (dim >= tensor.getShape().size() || list.getElements().size() != tensor.getShape().get(dim)) {
			throw new LoweringError(list, IssueCodes.LOWERING_UNSUPPORTED_EXPRESSION, "this list does not have the shape "
					+ tensor.getShape() + " of '" + buffer.getName() + "'; write one nested list per dimension");
		}
		for (int i = 0; i < list.getElements().size(); i++) {
			Expr element = list.getElements().get(i);
			position.add((long) i);
			if (element instanceof ListExpr inner) {
				listElements(inner, buffer, position, block, decl);
			} else if (position.size() == tensor.getShape().size()) {
				List<IrExpr> indices = position.stream().map(index -> (IrExpr) ExpressionLowering
						.constant(BigInteger.valueOf(index), null, IR.createIrIndexType())).toList();
				add(block, store(buffer, indices, expressions.lowerAs(element, tensor.getElement())), decl);
			} else {
				throw new LoweringError(element, IssueCodes.LOWERING_UNSUPPORTED_EXPRESSION,
						"a list element here must itself be a list, one nesting level per dimension of '" + buffer.getName() + "'");
			}
			position.remove(position.size() - 1);
		}
	}

	private IrExpr broadcast(Expr init, IrType element) {
		if (!types.typeOf(init).isNumeric()) {
			throw new LoweringError(init, IssueCodes.LOWERING_UNSUPPORTED_EXPRESSION,
					"this initial value cannot be lowered yet; initialise the buffer with a scalar (broadcast), a list literal, another tensor or a call that returns one");
		}
		return expressions.lowerAs(init, element);
	}

	private IrStatement assignment(ExprStmt stmt) {
		Expr target = stmt.getExpr();
		String op = stmt.getOp().equals("=") ? null : stmt.getOp().substring(0, stmt.getOp().length() - 1);
		if (target instanceof TupleExpr) {
			throw new LoweringError(stmt, IssueCodes.LOWERING_UNSUPPORTED_STATEMENT,
					"tuple assignment cannot be lowered to the IR yet; assign each element in its own statement (through a temporary for a swap)");
		}
		if (!(target instanceof NameRef || target instanceof SubscriptExpr)
				|| target instanceof NameRef && types.typeOf(target) instanceof TensorType) {
			throw unsupportedAssignment(stmt);
		}
		if (target instanceof NameRef name && name.getRef() == name && op == null) {
			IrDeclare declare = IR.createIrDeclare();
			IrVar variable = IrNodes.var(Names.nameOf(name), expressions.typeOf(name));
			declare.setVar(variable);
			declare.setInit(expressions.lowerAs(stmt.getValue(), variable.getType()));
			values.put(name, variable);
			return declare;
		}
		if (op == null && isBitTarget(target)) {
			return storeBits((SubscriptExpr) target, stmt);
		}
		IrType targetType = expressions.typeOf(target);
		IrExpr value = op == null ? expressions.lowerAs(stmt.getValue(), targetType)
				: ExpressionLowering.castTo(
						expressions.augmented(op, expressions.lower(target), types.typeOf(target), stmt.getValue(), stmt),
						targetType);
		return storeTo(target, value, stmt);
	}

	/** The statement that writes the value, already of the target's type, to a scalar or a tensor element. */
	private IrStatement storeTo(Expr target, IrExpr value, ExprStmt stmt) {
		if (target instanceof NameRef name && values.get(name.getRef()) instanceof IrVar variable) {
			IrAssign assign = IR.createIrAssign();
			assign.setTarget(variable);
			assign.setValue(value);
			return assign;
		} else if (target instanceof NameRef name && values.get(name.getRef()) instanceof IrBuffer buffer
				&& !(buffer.getType() instanceof IrTensorType)) {
			return store(buffer, List.of(), value);
		} else if (target instanceof SubscriptExpr subscript && subscript.getTarget() instanceof NameRef name
				&& values.get(name.getRef()) instanceof IrBuffer buffer && buffer.getType() instanceof IrTensorType tensor
				&& tensor.getShape().size() == subscript.getIndices().size()
				&& subscript.getIndices().stream().noneMatch(SliceExpr.class::isInstance)) {
			return store(buffer, expressions.indices(subscript.getIndices()), value);
		}
		throw unsupportedAssignment(stmt);
	}

	/** {@code x[k] = v} or {@code x[lo:hi] = v} on an integer scalar or element x. */
	private boolean isBitTarget(Expr target) {
		return target instanceof SubscriptExpr subscript && subscript.getIndices().size() == 1
				&& types.typeOf(subscript.getTarget()) instanceof IntType;
	}

	/**
	 * {@code x[lo:hi] = v} as {@code x = (x & ~(m << lo)) | ((v & m) << lo)} with m = 2^(hi - lo) - 1, in x's type;
	 * the bounds must be compile-time constants.
	 */
	private IrStatement storeBits(SubscriptExpr target, ExprStmt stmt) {
		Expr index = target.getIndices().get(0);
		BigInteger low = index instanceof SliceExpr range ? constant(range.getLower()) : constant(index);
		BigInteger high = index instanceof SliceExpr range ? constant(range.getUpper()) : low == null ? null : low.add(BigInteger.ONE);
		if (low == null || high == null || high.compareTo(low) <= 0 || index instanceof SliceExpr range && range.getStep() != null) {
			throw new LoweringError(index, IssueCodes.LOWERING_UNSUPPORTED_STATEMENT,
					"only bits with constant positions can be assigned; write x[lo:hi] = v with constant lo < hi");
		}
		IrType type = expressions.typeOf(target.getTarget());
		BigInteger mask = BigInteger.ONE.shiftLeft(high.subtract(low).intValueExact()).subtract(BigInteger.ONE);
		IrExpr kept = IrNodes.binary(IrBinaryOp.BIT_AND, expressions.lower(target.getTarget()),
				ExpressionLowering.constant(mask.shiftLeft(low.intValueExact()).not(), null, EcoreUtil.copy(type)), type);
		IrExpr field = IrNodes.binary(IrBinaryOp.SHL,
				IrNodes.binary(IrBinaryOp.BIT_AND, expressions.lowerAs(stmt.getValue(), type),
						ExpressionLowering.constant(mask, null, EcoreUtil.copy(type)), EcoreUtil.copy(type)),
				ExpressionLowering.constant(low, null, EcoreUtil.copy(type)), EcoreUtil.copy(type));
		return storeTo(target.getTarget(), IrNodes.binary(IrBinaryOp.BIT_OR, kept, field, EcoreUtil.copy(type)), stmt);
	}

	private BigInteger constant(Expr expr) {
		return expr == null ? null : types.integer(expr);
	}

	private static LoweringError unsupportedAssignment(ExprStmt stmt) {
		return new LoweringError(stmt, IssueCodes.LOWERING_UNSUPPORTED_STATEMENT,
				"this assignment cannot be lowered to the IR yet; assign to a scalar or to one element of a tensor");
	}

	private static IrStore store(IrBuffer buffer, List<IrExpr> indices, IrExpr value) {
		IrStore store = IR.createIrStore();
		store.setBuffer(buffer);
		store.getIndices().addAll(indices);
		store.setValue(value);
		return store;
	}

	private IrIf conditional(IfStmt branch) {
		IrIf root = branch(branch.getCondition(), branch.getThen());
		IrIf last = root;
		for (ElifClause elif : branch.getElifs()) {
			IrIf next = branch(elif.getCondition(), elif.getBody());
			IrBlock elseBlock = IR.createIrBlock();
			elseBlock.getStatements().add(next);
			last.setElse(elseBlock);
			last = next;
		}
		if (branch.getElse() != null) {
			last.setElse(block(branch.getElse()));
		}
		return root;
	}

	private IrIf branch(Expr condition, Suite then) {
		IrIf irIf = IR.createIrIf();
		irIf.setCondition(expressions.lower(condition));
		irIf.setThen(block(then));
		return irIf;
	}

	private IrReturn returned(ReturnStmt ret) {
		IrReturn irReturn = IR.createIrReturn();
		List<Expr> returned = ret.getValue() == null ? List.of()
				: ret.getValue() instanceof TupleExpr tuple ? tuple.getElements() : List.of(ret.getValue());
		List<IrType> results = function.getResults();
		for (int i = 0; i < returned.size(); i++) {
			irReturn.getValues().add(i < results.size() ? expressions.lowerAs(returned.get(i), results.get(i))
					: expressions.lower(returned.get(i)));
		}
		return irReturn;
	}

	/** A buffer; {@code @ Memory(resource=..., storage_type=...)} sets its resource and storage type. */
	private IrBuffer buffer(String name, IrType type, Expr attribute) {
		IrBuffer buffer = IR.createIrBuffer();
		buffer.setName(name);
		buffer.setType(EcoreUtil.copy(type));
		if (attribute instanceof CallExpr memory
				&& Names.targetOf(memory.getCallee()) instanceof FunctionDef callee
				&& "Memory".equals(callee.getName())) {
			for (Argument argument : memory.getArgs()) {
				String value = argument.getValue() instanceof StringLiteral text ? text.getValue() : null;
				if ("resource".equals(argument.getKeyword())) {
					buffer.setResource(value);
				} else if ("storage_type".equals(argument.getKeyword())) {
					buffer.setStorageType(value);
				}
			}
		}
		return buffer;
	}
}
