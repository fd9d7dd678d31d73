package org.allo.lang.lowering;

import org.allo.lang.scoping.Names;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.BinaryExpr;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.CompareExpr;
import org.allo.lang.allo.ConditionalExpr;
import org.allo.lang.allo.EllipsisLiteral;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.ExprStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.MemberExpr;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.SliceExpr;
import org.allo.lang.allo.SubscriptExpr;
import org.allo.lang.allo.TypeParam;
import org.allo.lang.allo.UnaryExpr;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.ir.IrBinary;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrBitSlice;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrCast;
import org.allo.lang.ir.IrConstant;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrIndexType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrMathCall;
import org.allo.lang.ir.IrMathFunction;
import org.allo.lang.ir.IrSelect;
import org.allo.lang.ir.IrStreamGet;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrUnary;
import org.allo.lang.ir.IrUnaryOp;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.IrVarRef;
import org.allo.lang.ir.builder.IrNodes;
import org.allo.lang.scoping.Stdlib;
import org.allo.lang.types.IntType;
import org.allo.lang.types.StreamType;
import org.allo.lang.types.TensorType;
import org.allo.lang.types.Type;
import org.allo.lang.types.TypeComputer;
import org.allo.lang.types.TypeRules;
import org.allo.lang.types.Templates;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * Expressions of one kernel as typed IR expressions: compile-time values folded to constants,
 * operands converted to the type Allo computes an operation in, library calls bound.
 */
final class ExpressionLowering {

	private static final IrFactory IR = IrFactory.eINSTANCE;

	private static final Map<String, IrBinaryOp> BINARY = Map.ofEntries(Map.entry("+", IrBinaryOp.ADD),
			Map.entry("-", IrBinaryOp.SUB), Map.entry("*", IrBinaryOp.MUL), Map.entry("/", IrBinaryOp.DIV),
			Map.entry("//", IrBinaryOp.FLOOR_DIV), Map.entry("%", IrBinaryOp.MOD), Map.entry("**", IrBinaryOp.POW),
			Map.entry("<<", IrBinaryOp.SHL), Map.entry(">>", IrBinaryOp.SHR), Map.entry("&", IrBinaryOp.BIT_AND),
			Map.entry("|", IrBinaryOp.BIT_OR), Map.entry("^", IrBinaryOp.BIT_XOR), Map.entry("and", IrBinaryOp.AND),
			Map.entry("or", IrBinaryOp.OR));

	private static final Map<String, IrBinaryOp> COMPARE = Map.of("<", IrBinaryOp.LT, "<=", IrBinaryOp.LE, ">",
			IrBinaryOp.GT, ">=", IrBinaryOp.GE, "==", IrBinaryOp.EQ, "!=", IrBinaryOp.NE);

	private static final Map<String, IrMathFunction> MATH = Map.of("exp", IrMathFunction.EXP, "log", IrMathFunction.LOG,
			"log2", IrMathFunction.LOG2, "log10", IrMathFunction.LOG10, "sqrt", IrMathFunction.SQRT, "sin",
			IrMathFunction.SIN, "cos", IrMathFunction.COS, "tan", IrMathFunction.TAN, "tanh", IrMathFunction.TANH, "abs",
			IrMathFunction.ABS);

	private static final Map<String, IrUnaryOp> BIT_METHODS = Map.of("reverse", IrUnaryOp.REVERSE, "bitcast",
			IrUnaryOp.BITCAST);

	private final InstanceTyping types;
	private final Templates templates;
	private final Stdlib stdlib;
	private final Map<Referable, IrValue> values;
	private final Callees callees;
	private final StreamPorts ports;

	/** One FIFO operand of a put or get: a stream buffer and, in a stream array, the FIFO's indices. */
	record StreamAccess(IrBuffer stream, List<IrExpr> indices) {
	}

	ExpressionLowering(InstanceTyping types, Templates templates, Stdlib stdlib, Map<Referable, IrValue> values,
			Callees callees, StreamPorts ports) {
		this.types = types;
		this.templates = templates;
		this.stdlib = stdlib;
		this.values = values;
		this.callees = callees;
		this.ports = ports;
	}

	/**
	 * The FIFO {@code receiver} denotes: a stream of the kernel, or one FIFO of a region stream, which
	 * becomes a stream parameter of the instance and so needs indices known at compile time.
	 */
	StreamAccess stream(Expr receiver, boolean put) {
		Expr target = receiver instanceof SubscriptExpr subscript ? subscript.getTarget() : receiver;
		List<Expr> indices = receiver instanceof SubscriptExpr subscript ? subscript.getIndices() : List.of();
		Referable name = target instanceof NameRef ref ? ref.getRef() : null;
		if (name instanceof VarDecl decl && ports.isRegionStream(decl)) {
			List<Long> constants = new ArrayList<>();
			for (Expr index : indices) {
				BigInteger value = types.integer(index);
				if (value == null) {
					throw new LoweringError(index, IssueCodes.LOWERING_STREAM_INDEX, "the index '"
							+ TypeComputer.textOf(index).strip() + "' of stream '" + decl.getName()
							+ "' is not known at compile time in each kernel instance; index stream arrays with df.get_pid() coordinates, meta_for variables and constants");
				}
				constants.add(value.longValue());
			}
			return new StreamAccess(ports.port(decl, constants, put, receiver), List.of());
		}
		if (values.get(name) instanceof IrBuffer buffer && buffer.getType() instanceof IrStreamType) {
			return new StreamAccess(buffer, indices(indices));
		}
		throw unsupported(receiver);
	}

	private IrExpr streamGet(MemberExpr member, CallExpr call) {
		StreamAccess access = stream(member.getReceiver(), false);
		IrStreamGet get = IR.createIrStreamGet();
		get.setStream(access.stream());
		get.getIndices().addAll(access.indices());
		get.setType(typeOf(call));
		return get;
	}

	IrType typeOf(Expr expr) {
		return TypeLowering.lower(types.typeOf(expr), expr);
	}

	/** {@code expr} converted to {@code target}: an IrCast unless it already has that type. */
	IrExpr lowerAs(Expr expr, IrType target) {
		return castTo(lower(expr), target);
	}

	static IrExpr castTo(IrExpr value, IrType target) {
		if (EcoreUtil.equals(value.getType(), target)) {
			return value;
		}
		if (value instanceof IrConstant constant && representable(constant, target)) {
			constant.setType(EcoreUtil.copy(target));
			return constant;
		}
		IrCast cast = IR.createIrCast();
		cast.setType(EcoreUtil.copy(target));
		cast.setOperand(value);
		return cast;
	}

	/** A constant is written in the target type directly when the conversion cannot change its value. */
	private static boolean representable(IrConstant constant, IrType target) {
		BigInteger integer = constant.getInteger();
		if (integer == null) {
			return target instanceof IrFloatType;
		} else if (target instanceof IrIndexType || target instanceof IrFloatType) {
			return true;
		} else if (target instanceof IrIntType type) {
			int bits = type.isSigned() ? integer.bitLength() + 1 : integer.bitLength();
			return (type.isSigned() || integer.signum() >= 0) && bits <= type.getBits();
		}
		return false;
	}

	IrExpr lower(Expr expr) {
		IrExpr folded = folded(expr);
		if (folded != null) {
			return folded;
		} else if (expr instanceof NameRef name) {
			return reference(name);
		} else if (expr instanceof SubscriptExpr subscript) {
			return subscript(subscript);
		} else if (expr instanceof BinaryExpr binary) {
			return binary(binary);
		} else if (expr instanceof CompareExpr compare) {
			return compare(compare);
		} else if (expr instanceof UnaryExpr unary) {
			return unary(unary);
		} else if (expr instanceof ConditionalExpr conditional) {
			return conditional(conditional);
		} else if (expr instanceof CallExpr call) {
			return call(call);
		} else if (expr instanceof MemberExpr member && "T".equals(Names.nameOf(member.getMember()))
				&& types.typeOf(member.getReceiver()) instanceof TensorType) {
			return transposed(member);
		}
		throw unsupported(expr);
	}

	private IrExpr folded(Expr expr) {
		Object value = types.valueOf(expr);
		Type type = types.typeOf(expr);
		if (!type.isNumeric()) {
			return null;
		}
		if (value instanceof BigInteger integer) {
			return constant(integer, null, typeOf(expr));
		} else if (value instanceof Double real) {
			return constant(null, real, typeOf(expr));
		} else if (value instanceof Boolean truth) {
			return constant(truth ? BigInteger.ONE : BigInteger.ZERO, null, typeOf(expr));
		}
		return null;
	}

	static IrConstant constant(BigInteger integer, Double real, IrType type) {
		IrConstant constant = IR.createIrConstant();
		constant.setInteger(integer);
		constant.setReal(real == null ? 0.0 : real);
		constant.setType(type);
		return constant;
	}

	private IrExpr reference(NameRef name) {
		IrValue value = values.get(name.getRef());
		if (value instanceof IrVar variable) {
			IrVarRef ref = IR.createIrVarRef();
			ref.setVar(variable);
			ref.setType(EcoreUtil.copy(variable.getType()));
			return ref;
		} else if (value instanceof IrBuffer buffer) {
			IrLoad load = IR.createIrLoad();
			load.setBuffer(buffer);
			load.setType(EcoreUtil.copy(buffer.getType()));
			return load;
		}
		throw unsupported(name);
	}

	private IrExpr subscript(SubscriptExpr subscript) {
		Type targetType = types.typeOf(subscript.getTarget());
		if (targetType instanceof TensorType tensor && subscript.getTarget() instanceof NameRef name
				&& values.get(name.getRef()) instanceof IrBuffer buffer && subscript.getIndices().size() <= tensor.rank()
				&& subscript.getIndices().stream().noneMatch(SliceExpr.class::isInstance)) {
			// an element, or with fewer indices a view of the sub-tensor, passed by reference like the whole tensor
			IrLoad load = IR.createIrLoad();
			load.setBuffer(buffer);
			load.getIndices().addAll(indices(subscript.getIndices()));
			load.setType(typeOf(subscript));
			return load;
		} else if (targetType instanceof IntType && subscript.getIndices().size() == 1) {
			return bits(subscript);
		} else if (targetType instanceof TensorType) {
			throw new LoweringError(subscript, IssueCodes.LOWERING_UNSUPPORTED_EXPRESSION, "'"
					+ TypeComputer.textOf(subscript).strip()
					+ "' is a slice, which cannot be lowered to the IR yet; copy its elements in a loop, e.g. for i in range(4): H[i] = A[i]");
		}
		throw unsupported(subscript);
	}

	List<IrExpr> indices(List<Expr> indices) {
		return indices.stream().map(index -> lowerAs(index, IR.createIrIndexType())).toList();
	}

	/** {@code x[k]} is bit k; {@code x[lo:hi]} bits lo up to hi, exclusive. */
	private IrExpr bits(SubscriptExpr subscript) {
		Expr index = subscript.getIndices().get(0);
		IrBitSlice slice = IR.createIrBitSlice();
		slice.setOperand(lower(subscript.getTarget()));
		if (index instanceof SliceExpr range && range.getLower() != null && range.getUpper() != null
				&& range.getStep() == null) {
			slice.setLow(lowerAs(range.getLower(), IR.createIrIndexType()));
			slice.setHigh(lowerAs(range.getUpper(), IR.createIrIndexType()));
		} else if (!(index instanceof SliceExpr)) {
			IrExpr low = lowerAs(index, IR.createIrIndexType());
			slice.setLow(low);
			slice.setHigh(low instanceof IrConstant bit && bit.getInteger() != null
					? constant(bit.getInteger().add(BigInteger.ONE), null, IR.createIrIndexType())
					: IrNodes.binary(IrBinaryOp.ADD, EcoreUtil.copy(low), constant(BigInteger.ONE, null, IR.createIrIndexType()),
							IR.createIrIndexType()));
		} else {
			throw unsupported(subscript);
		}
		slice.setType(typeOf(subscript));
		return slice;
	}

	private IrExpr binary(BinaryExpr binary) {
		IrBinaryOp op = BINARY.get(binary.getOp());
		if (op == null) {
			throw unsupported(binary);
		}
		IrType result = typeOf(binary);
		return IrNodes.binary(op, lowerAs(binary.getLeft(), result), lowerAs(binary.getRight(), result), result);
	}

	/** {@code target op= value}: computed in TypeRules' type of the operation on the two operand types. */
	IrExpr augmented(String op, IrExpr current, Type currentType, Expr value, EObject at) {
		IrBinaryOp binaryOp = BINARY.get(op);
		if (binaryOp == null) {
			throw unsupported(at);
		}
		IrType result = TypeLowering.lower(TypeRules.binary(op, currentType, types.typeOf(value)), at);
		return IrNodes.binary(binaryOp, castTo(current, result), lowerAs(value, result), result);
	}

	/** Chained comparisons become a conjunction; each pair is compared in the type a select of the two would have. */
	private IrExpr compare(CompareExpr compare) {
		IrExpr result = null;
		for (int i = 0; i < compare.getOps().size(); i++) {
			IrBinaryOp op = COMPARE.get(compare.getOps().get(i));
			if (op == null) {
				throw unsupported(compare);
			}
			Expr left = compare.getOperands().get(i);
			Expr right = compare.getOperands().get(i + 1);
			IrType common = TypeLowering.lower(TypeRules.select(types.typeOf(left), types.typeOf(right)), compare);
			IrExpr pair = IrNodes.binary(op, lowerAs(left, common), lowerAs(right, common), bool());
			result = result == null ? pair : IrNodes.binary(IrBinaryOp.AND, result, pair, bool());
		}
		return result;
	}

	private static IrType bool() {
		return TypeLowering.lower(IntType.BOOL, null);
	}

	private IrExpr unary(UnaryExpr unary) {
		IrType type = typeOf(unary);
		IrExpr operand = lowerAs(unary.getOperand(), type);
		if ("+".equals(unary.getOp())) {
			return operand;
		}
		IrUnary node = IR.createIrUnary();
		node.setOp(switch (unary.getOp()) {
		case "-" -> IrUnaryOp.NEG;
		case "~" -> IrUnaryOp.INVERT;
		default -> IrUnaryOp.NOT;
		});
		node.setOperand(operand);
		node.setType(type);
		return node;
	}

	private IrExpr conditional(ConditionalExpr conditional) {
		IrType type = typeOf(conditional);
		IrSelect select = IR.createIrSelect();
		select.setCondition(lower(conditional.getCondition()));
		select.setWhenTrue(lowerAs(conditional.getThen(), type));
		select.setWhenFalse(lowerAs(conditional.getElse(), type));
		select.setType(type);
		return select;
	}

	private IrExpr call(CallExpr call) {
		List<Expr> args = call.getArgs().stream().map(argument -> argument.getValue()).toList();
		if (call.getCallee() instanceof MemberExpr member && "get".equals(Names.nameOf(member.getMember()))
				&& types.typeOf(member.getReceiver()) instanceof StreamType && args.isEmpty()) {
			return streamGet(member, call);
		}
		IrUnaryOp bitOperation = call.getCallee() instanceof MemberExpr member && args.isEmpty()
				&& types.typeOf(member.getReceiver()).isNumeric() ? BIT_METHODS.get(Names.nameOf(member.getMember())) : null;
		if (bitOperation != null) {
			IrUnary node = IR.createIrUnary();
			node.setOp(bitOperation);
			node.setOperand(lower(((MemberExpr) call.getCallee()).getReceiver()));
			node.setType(typeOf(call));
			return node;
		}
		if (call.getCallee() instanceof SubscriptExpr explicit
				&& Names.targetOf(explicit.getTarget()) instanceof FunctionDef template && isKernel(template)) {
			return kernelCall(call, template, templates.bindExplicit(template, explicit.getIndices(), types.binding()), args);
		}
		Referable callee = Names.targetOf(call.getCallee());
		if (callee instanceof FunctionDef function && isKernel(function)) {
			List<Expr> bound = stdlib.isStdlib(function.eResource()) ? LibraryArguments.of(call, function) : args;
			Map<TypeParam, Object> binding = function.getTypeParams().isEmpty() ? Map.of()
					: templates.infer(function, bound.stream().map(types::typeOf).toList());
			return kernelCall(call, function, binding, bound);
		}
		String name = callee instanceof FunctionDef function ? function.getName() : null;
		if (isConversion(call, name) && args.size() == 1) {
			return castTo(lower(args.get(0)), typeOf(call));
		} else if (("min".equals(name) || "max".equals(name)) && args.size() == 2) {
			IrType type = typeOf(call);
			return IrNodes.binary("min".equals(name) ? IrBinaryOp.MIN : IrBinaryOp.MAX, lowerAs(args.get(0), type),
					lowerAs(args.get(1), type), type);
		} else if (name != null && (MATH.containsKey(name) && args.size() == 1 || "power".equals(name) && args.size() == 2)) {
			IrType type = typeOf(call);
			IrMathCall math = IR.createIrMathCall();
			math.setFunction(MATH.getOrDefault(name, IrMathFunction.POWER));
			args.forEach(argument -> math.getArgs().add(lowerAs(argument, type)));
			math.setType(type);
			return math;
		}
		throw unsupported(call);
	}

	/** A user kernel, or a kernel of the standard library's tensor library (a stub's body is only {@code ...}). */
	private boolean isKernel(FunctionDef function) {
		return function.eResource() != null && (!stdlib.isStdlib(function.eResource()) || hasBody(function));
	}

	private static boolean hasBody(FunctionDef function) {
		return function.getBody() != null && function.getBody().getStatements().stream()
				.anyMatch(statement -> !(statement instanceof ExprStmt stmt && stmt.getExpr() instanceof EllipsisLiteral));
	}

	/** {@code X.T}: a call of the standard library's transpose kernel, instantiated for X's type. */
	private IrExpr transposed(MemberExpr member) {
		FunctionDef transpose = stdlib.load(member.eResource().getResourceSet(), "allo").getStatements().stream()
				.filter(FunctionDef.class::isInstance).map(FunctionDef.class::cast)
				.filter(function -> "transpose".equals(function.getName())).findFirst().orElseThrow(() -> unsupported(member));
		List<Expr> args = List.of(member.getReceiver());
		return kernelCall(member, transpose, templates.infer(transpose, List.of(types.typeOf(member.getReceiver()))), args);
	}

	/** {@code int32(x)}, {@code float(x)}, {@code Fixed(8, 3)(x)}: the callee denotes a numeric type. */
	private boolean isConversion(CallExpr call, String name) {
		return "int".equals(name) || "float".equals(name) || types.denotedType(call.getCallee()).isNumeric();
	}

	private IrExpr kernelCall(EObject call, FunctionDef function, Map<TypeParam, Object> binding, List<Expr> args) {
		IrFunction target = callees.lower(function, binding, call);
		IrCall node = IR.createIrCall();
		node.setFunction(target);
		for (int i = 0; i < args.size(); i++) {
			IrType parameter = i < target.getParams().size() ? target.getParams().get(i).getType() : null;
			IrExpr argument = lower(args.get(i));
			node.getArgs().add(parameter == null ? argument : castTo(argument, parameter));
		}
		if (target.getResults().size() > 1) {
			throw unsupported(call);
		}
		if (target.getResults().size() == 1) {
			node.setType(EcoreUtil.copy(target.getResults().get(0)));
		}
		return node;
	}

	static LoweringError unsupported(EObject at) {
		return new LoweringError(at, IssueCodes.LOWERING_UNSUPPORTED_EXPRESSION,
				"'" + TypeComputer.textOf(at).strip()
						+ "' cannot be lowered to the IR yet; rewrite it with element-wise loops and scalar operations");
	}
}
