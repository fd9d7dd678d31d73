package org.allo.codegen.kernel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.allo.codegen.CodegenException;
import org.allo.codegen.cpp.CBinaryOp;
import org.allo.codegen.cpp.CExpr;
import org.allo.codegen.cpp.CType;
import org.allo.codegen.cpp.CType.Kind;
import org.allo.codegen.kernel.Helpers.Helper;
import org.allo.lang.ir.IrBinary;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrBitSlice;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrCast;
import org.allo.lang.ir.IrConstant;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrMathCall;
import org.allo.lang.ir.IrMathFunction;
import org.allo.lang.ir.IrSelect;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStreamGet;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrUnary;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.IrVarRef;
import org.eclipse.emf.ecore.EObject;

/**
 * IR expressions to C++. Every emitted expression has exactly the C++ type of its IR node ({@link CTypes}),
 * which is what makes the result bit-exact: an IR operation is "exact result, converted to the node's
 * type", and C++ gets the same by computing on operands of the node's type (ap types widen exactly) and
 * casting the result back.
 */
final class ExpressionEmitter {

	private final Function<IrValue, CExpr> names;
	private final Conversions conversions;
	private final Helpers helpers;
	private final CallEmitter calls;

	/** names gives the C++ expression that denotes a variable or buffer in the current function. */
	ExpressionEmitter(Function<IrValue, CExpr> names, Helpers helpers, CallEmitter calls) {
		this.names = names;
		this.helpers = helpers;
		this.conversions = new Conversions(helpers);
		this.calls = calls;
	}

	Conversions conversions() {
		return conversions;
	}

	/** The expression converted to the C++ type of target. */
	CExpr emitAs(IrExpr expr, IrType target) {
		return emitAs(expr, CTypes.of(target));
	}

	CExpr emitAs(IrExpr expr, CType target) {
		return conversions.convert(emit(expr), typeOf(expr), target);
	}

	CExpr condition(IrExpr expr) {
		return conversions.toCondition(emit(expr), typeOf(expr));
	}

	CExpr index(IrExpr expr) {
		return conversions.toIndex(emit(expr), typeOf(expr));
	}

	List<CExpr> indices(List<IrExpr> exprs) {
		List<CExpr> result = new ArrayList<>();
		exprs.forEach(e -> result.add(index(e)));
		return result;
	}

	static CType typeOf(IrExpr expr) {
		return CTypes.of(expr.getType());
	}

	CExpr emit(IrExpr expr) {
		CType type = typeOf(expr);
		if (expr instanceof IrConstant constant) {
			return constant.getInteger() != null ? Literals.integer(constant.getInteger(), type) : Literals.real(constant.getReal(), type);
		}
		if (expr instanceof IrVarRef ref) {
			return names.apply(ref.getVar());
		}
		if (expr instanceof IrLoad load) {
			return access(load.getBuffer(), load.getIndices());
		}
		if (expr instanceof IrStreamGet get) {
			return new CExpr.Method(access(get.getStream(), get.getIndices()), "read", List.of());
		}
		if (expr instanceof IrCast cast) {
			return emitAs(cast.getOperand(), type);
		}
		if (expr instanceof IrBinary binary) {
			return binary(binary, type);
		}
		if (expr instanceof IrUnary unary) {
			return unary(unary, type);
		}
		if (expr instanceof IrSelect select) {
			return new CExpr.Conditional(condition(select.getCondition()), emitAs(select.getWhenTrue(), type),
					emitAs(select.getWhenFalse(), type));
		}
		if (expr instanceof IrMathCall math) {
			return math(math, type);
		}
		if (expr instanceof IrBitSlice slice) {
			return bitSlice(slice, type);
		}
		if (expr instanceof IrCall call) {
			return calls.call(call, this);
		}
		throw new IllegalArgumentException("no C++ for " + expr.eClass().getName());
	}

	/** buffer[i][j]; a scalar buffer or a whole tensor (a call argument) is its name. */
	CExpr access(IrBuffer buffer, List<IrExpr> indices) {
		CExpr name = names.apply(buffer);
		return indices.isEmpty() ? name : new CExpr.Index(name, indices(indices));
	}

	private CExpr binary(IrBinary binary, CType type) {
		IrBinaryOp op = binary.getOp();
		switch (op) {
		case AND, OR -> {
			CExpr logical = new CExpr.Binary(op == IrBinaryOp.AND ? CBinaryOp.AND : CBinaryOp.OR,
					condition(binary.getLeft()), condition(binary.getRight()));
			return conversions.convert(logical, CType.BOOL, type);
		}
		case LT, LE, GT, GE, EQ, NE -> {
			return conversions.convert(comparison(binary), CType.BOOL, type);
		}
		case SHL, SHR -> {
			CExpr shifted = new CExpr.Binary(op == IrBinaryOp.SHL ? CBinaryOp.SHL : CBinaryOp.SHR,
					emitAs(binary.getLeft(), type), index(binary.getRight()));
			return exactly(shifted, type);
		}
		default -> {
			return arithmetic(op, emitAs(binary.getLeft(), type), emitAs(binary.getRight(), type), type);
		}
		}
	}

	/** Operands compared in one type: the left one's, which the lowering makes common. */
	private CExpr comparison(IrBinary binary) {
		CType common = typeOf(binary.getLeft());
		CBinaryOp op = switch (binary.getOp()) {
		case LT -> CBinaryOp.LT;
		case LE -> CBinaryOp.LE;
		case GT -> CBinaryOp.GT;
		case GE -> CBinaryOp.GE;
		case EQ -> CBinaryOp.EQ;
		default -> CBinaryOp.NE;
		};
		return new CExpr.Binary(op, emit(binary.getLeft()), emitAs(binary.getRight(), common));
	}

	private CExpr arithmetic(IrBinaryOp op, CExpr left, CExpr right, CType type) {
		boolean real = type.isFloatingPoint();
		return switch (op) {
		case ADD -> exactly(new CExpr.Binary(CBinaryOp.ADD, left, right), type);
		case SUB -> exactly(new CExpr.Binary(CBinaryOp.SUB, left, right), type);
		case MUL -> exactly(new CExpr.Binary(CBinaryOp.MUL, left, right), type);
		case DIV -> type.kind() == Kind.AP_FIXED && type.signed() ? helpers.call(Helper.FIXED_DIV, "allo_fixed_div", left, right)
				: exactly(new CExpr.Binary(CBinaryOp.DIV, left, right), type);
		case MOD -> real ? exactly(new CExpr.Call("std::fmod", List.of(left, right)), type)
				: exactly(new CExpr.Binary(CBinaryOp.MOD, left, right), type);
		case FLOOR_DIV -> real ? exactly(new CExpr.Call("std::floor", List.of(new CExpr.Binary(CBinaryOp.DIV, left, right))), type)
				: helpers.call(Helper.FLOOR_DIV, "allo_floordiv<" + type.spelling() + ">", left, right);
		case POW -> real || type.kind() == Kind.AP_FIXED
				? fromDouble(new CExpr.Call("std::pow", List.of(conversions.toDoubleOperand(left, type),
						conversions.toDoubleOperand(right, type))), type)
				: helpers.call(Helper.INT_POW, "allo_ipow<" + type.spelling() + ">", left,
						conversions.convert(right, type, CType.integer(64, true)));
		case BIT_AND -> exactly(new CExpr.Binary(CBinaryOp.BIT_AND, left, right), type);
		case BIT_OR -> exactly(new CExpr.Binary(CBinaryOp.BIT_OR, left, right), type);
		case BIT_XOR -> exactly(new CExpr.Binary(CBinaryOp.BIT_XOR, left, right), type);
		case MIN -> new CExpr.Call("std::min<" + type.spelling() + ">", List.of(left, right));
		case MAX -> new CExpr.Call("std::max<" + type.spelling() + ">", List.of(left, right));
		default -> throw new IllegalArgumentException("no C++ operator for " + op);
		};
	}

	/**
	 * An operation on operands of type T, converted back to T: ap types and small native integers widen
	 * (exactly), so the conversion applies Allo's wrap/truncation; float, double and the wide native
	 * integers compute in T already (signed overflow wraps with -fwrapv, as in hardware).
	 */
	private CExpr exactly(CExpr operation, CType type) {
		return switch (type.kind()) {
		case FLOAT, DOUBLE, INT -> operation;
		case BFLOAT16 -> helpers.roundBfloat16(operation);
		case NATIVE_INT -> type.bits() >= 32 ? operation : new CExpr.Cast(type, operation);
		case BOOL -> conversions.convert(operation, CType.INT, type);
		default -> new CExpr.Cast(type, operation);
		};
	}

	private CExpr unary(IrUnary unary, CType type) {
		return switch (unary.getOp()) {
		case NOT -> conversions.convert(new CExpr.Unary("!", condition(unary.getOperand())), CType.BOOL, type);
		case NEG -> exactly(new CExpr.Unary("-", emitAs(unary.getOperand(), type)), type);
		case INVERT -> exactly(new CExpr.Unary("~", emitAs(unary.getOperand(), type)), type);
		case REVERSE -> reverse(unary.getOperand(), type);
		case BITCAST -> bitcast(unary.getOperand(), type);
		};
	}

	/** The low bits of the operand (as many as the result has) in reverse order, like BitReinterpretation.reverse. */
	private CExpr reverse(IrExpr operand, CType type) {
		int width = type.kind() == Kind.BOOL ? 1 : type.bits();
		CType bits = CType.apInt(width, false);
		CExpr reversed = helpers.call(Helper.REVERSE, "allo_reverse<" + width + ">", emitAs(operand, bits));
		return conversions.convert(reversed, bits, type);
	}

	/** The operand's bit pattern read as the result type, like BitReinterpretation.bitcast. */
	private CExpr bitcast(IrExpr operand, CType type) {
		CType from = typeOf(operand);
		if (type.kind() == Kind.FLOAT && !from.isFloatingPoint()) {
			return helpers.call(Helper.FLOAT_OF_BITS, "allo_float_of_bits", emitAs(operand, CType.integer(32, false)));
		}
		if (type.kind() == Kind.DOUBLE && !from.isFloatingPoint()) {
			return helpers.call(Helper.DOUBLE_OF_BITS, "allo_double_of_bits", emitAs(operand, CType.integer(64, false)));
		}
		if (type.kind() == Kind.HALF && !from.isFloatingPoint()) {
			return helpers.call(Helper.HALF_OF_BITS, "allo_half_of_bits", emitAs(operand, CType.integer(16, false)));
		}
		if (from.kind() == Kind.HALF && type.bits() == 16) {
			return conversions.convert(helpers.call(Helper.BITS_OF_HALF, "allo_bits_of_half", emit(operand)), CType.integer(16, false), type);
		}
		if (from.kind() == Kind.FLOAT && type.bits() == 32) {
			return conversions.convert(helpers.call(Helper.BITS_OF_FLOAT, "allo_bits_of_float", emit(operand)), CType.integer(32, false), type);
		}
		if (from.kind() == Kind.DOUBLE && type.bits() == 64) {
			return conversions.convert(helpers.call(Helper.BITS_OF_DOUBLE, "allo_bits_of_double", emit(operand)), CType.integer(64, false), type);
		}
		if (!from.isFloatingPoint() && !type.isFloatingPoint()) {
			return emitAs(operand, type);
		}
		throw new CodegenException(".bitcast() between " + from.spelling() + " and " + type.spelling()
				+ " has no C++ form (line " + statementLine(operand) + "); bitcast between a float type and an integer of its width");
	}

	private static int statementLine(EObject node) {
		EObject current = node;
		while (current != null && !(current instanceof IrStatement)) {
			current = current.eContainer();
		}
		return current == null ? 0 : ((IrStatement) current).getLine();
	}

	private CExpr math(IrMathCall math, CType type) {
		List<IrExpr> args = math.getArgs();
		if (math.getFunction() == IrMathFunction.ABS && !typeOf(args.get(0)).isFloatingPoint()) {
			CExpr x = emitAs(args.get(0), type);
			CExpr negative = new CExpr.Binary(CBinaryOp.LT, x, Literals.zero(type));
			return new CExpr.Conditional(negative, exactly(new CExpr.Unary("-", x), type), x);
		}
		List<CExpr> doubles = new ArrayList<>();
		for (IrExpr arg : args) {
			doubles.add(emitAs(arg, CType.DOUBLE));
		}
		CExpr call = switch (math.getFunction()) {
		case EXP -> new CExpr.Call("std::exp", doubles);
		case LOG -> new CExpr.Call("std::log", doubles);
		case LOG2 -> helpers.call(Helper.LOG2, "allo_log2", doubles.get(0));
		case LOG10 -> new CExpr.Call("std::log10", doubles);
		case SQRT -> new CExpr.Call("std::sqrt", doubles);
		case SIN -> new CExpr.Call("std::sin", doubles);
		case COS -> new CExpr.Call("std::cos", doubles);
		case TAN -> new CExpr.Call("std::tan", doubles);
		case TANH -> new CExpr.Call("std::tanh", doubles);
		case ABS -> new CExpr.Call("std::fabs", doubles);
		case POWER -> new CExpr.Call("std::pow", doubles);
		};
		return fromDouble(call, type);
	}

	private CExpr fromDouble(CExpr value, CType type) {
		return conversions.convert(value, CType.DOUBLE, type);
	}

	private static BigInteger constant(IrExpr expr) {
		return expr instanceof IrConstant constant ? constant.getInteger() : null;
	}

	/** Bits [low, high) as an unsigned number; at most 64 bits wide. */
	private CExpr bitSlice(IrBitSlice slice, CType type) {
		CType operandType = typeOf(slice.getOperand());
		CExpr low = index(slice.getLow());
		CExpr operand = emit(slice.getOperand());
		CExpr bits;
		if (operandType.isArbitraryPrecision()) {
			CExpr highest = constant(slice.getHigh()) != null
					? new CExpr.Literal(constant(slice.getHigh()).subtract(BigInteger.ONE).toString())
					: new CExpr.Binary(CBinaryOp.SUB, index(slice.getHigh()), new CExpr.Literal("1"));
			bits = new CExpr.Method(new CExpr.Method(operand, "range", List.of(highest, low)), "to_uint64", List.of());
		} else if (constant(slice.getLow()) != null && constant(slice.getHigh()) != null) {
			long lowBit = constant(slice.getLow()).longValue();
			long width = constant(slice.getHigh()).longValue() - lowBit;
			String mask = width >= 64 ? "0xffffffffffffffffULL" : "0x" + Long.toHexString((1L << width) - 1) + "ULL";
			CExpr unsigned = new CExpr.Cast(CType.integer(64, false), operand);
			CExpr shifted = lowBit == 0 ? unsigned : new CExpr.Binary(CBinaryOp.SHR, unsigned, new CExpr.Literal(Long.toString(lowBit)));
			bits = new CExpr.Binary(CBinaryOp.BIT_AND, shifted, new CExpr.Literal(mask));
		} else {
			CExpr width = new CExpr.Binary(CBinaryOp.SUB, index(slice.getHigh()), low);
			CExpr mask = new CExpr.Binary(CBinaryOp.SUB, new CExpr.Binary(CBinaryOp.SHL, new CExpr.Literal("1ULL"), width),
					new CExpr.Literal("1ULL"));
			CExpr shifted = new CExpr.Binary(CBinaryOp.SHR, new CExpr.Cast(CType.integer(64, false), operand), low);
			bits = new CExpr.Binary(CBinaryOp.BIT_AND, shifted, mask);
		}
		return conversions.convert(bits, CType.integer(64, false), type);
	}
}
