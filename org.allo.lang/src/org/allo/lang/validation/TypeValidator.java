package org.allo.lang.validation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.AlloPackage;
import org.allo.lang.allo.BinaryExpr;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.CompareExpr;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.MemberExpr;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.SliceExpr;
import org.allo.lang.allo.SubscriptExpr;
import org.allo.lang.allo.TupleExpr;
import org.allo.lang.allo.UnaryExpr;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.scoping.Names;
import org.allo.lang.scoping.Stdlib;
import org.allo.lang.types.CompileTime;
import org.allo.lang.types.ConstantEvaluator;
import org.allo.lang.types.FixedType;
import org.allo.lang.types.FloatType;
import org.allo.lang.types.IndexType;
import org.allo.lang.types.IntType;
import org.allo.lang.types.MetaType;
import org.allo.lang.types.NoneType;
import org.allo.lang.types.OpaqueType;
import org.allo.lang.types.TensorType;
import org.allo.lang.types.TupleType;
import org.allo.lang.types.Type;
import org.allo.lang.types.TypeComputer;
import org.allo.lang.types.TypeRules;
import org.allo.lang.types.TypeService;
import org.allo.lang.types.UnknownType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;

import com.google.inject.Inject;

/**
 * Scalar and tensor typing of expressions and annotations (LANGUAGE.md §3): annotations denote
 * types with constant shapes, operators apply to their operands, indices fit the rank, bit access,
 * {@code .T}, {@code .bitcast()} and casts apply. An operand whose type is already unknown (after
 * another error) is not reported again.
 */
public class TypeValidator extends CheckGroup {

	private static final int MAX_BITS = 4096;
	private static final int MAX_FRACS = 255;

	@Inject
	private TypeService types;

	@Inject
	private ConstantEvaluator constants;

	@Inject
	private CompileTime compileTime;

	@Inject
	private Stdlib stdlib;

	private boolean inLibrary(EObject object) {
		return stdlib.isStdlib(object.eResource());
	}

	@Check
	public void declarationType(VarDecl decl) {
		checkAnnotation(decl.getType());
	}

	@Check
	public void parameterType(Param param) {
		if (param.getType() != null && EcoreUtil2.getContainerOfType(param, FunctionDef.class) != null) {
			checkAnnotation(param.getType());
		}
	}

	@Check
	public void returnType(FunctionDef function) {
		if (function.getReturnType() != null) {
			checkAnnotation(function.getReturnType());
		}
	}

	private void checkAnnotation(Expr annotation) {
		if (inLibrary(annotation) || hasUnresolvedName(annotation)) {
			return;
		}
		for (SubscriptExpr subscript : shapesOf(annotation)) {
			for (Expr dim : subscript.getIndices()) {
				checkDimension(dim);
			}
		}
		if (types.declaredType(annotation) instanceof UnknownType) {
			error("'" + text(annotation) + "' is not a type; write a scalar type such as int32 or Fixed(8, 3), "
					+ "or a tensor type such as float32[M, N]", annotation, null, IssueCodes.NOT_A_TYPE);
		}
	}

	/** The tensor subscripts of an annotation ({@code T[M, N]}, the outer {@code [P]} of a stream array). */
	private List<SubscriptExpr> shapesOf(Expr annotation) {
		List<SubscriptExpr> result = new ArrayList<>();
		if (annotation instanceof SubscriptExpr subscript) {
			Referable head = Names.targetOf(subscript.getTarget());
			boolean generic = constants.isStdlibClass(head, "Stream")
					|| constants.isStdlibClass(head, "ConstExpr");
			if (!generic) {
				result.add(subscript);
				result.addAll(shapesOf(subscript.getTarget()));
			}
		} else if (annotation instanceof TupleExpr tuple) {
			tuple.getElements().forEach(element -> result.addAll(shapesOf(element)));
		}
		return result;
	}

	private void checkDimension(Expr dim) {
		if (!compileTime.isCompileTime(dim)) {
			error("tensor dimension '" + text(dim) + "' is not a compile-time constant; use a module constant "
					+ "or a template parameter", dim, null, IssueCodes.SHAPE_NOT_CONSTANT);
			return;
		}
		Object value = constants.evaluate(dim, Map.of());
		if (value instanceof BigInteger size && size.signum() <= 0) {
			error("tensor dimension '" + text(dim) + "' is " + size + "; dimensions must be at least 1", dim, null,
					IssueCodes.INVALID_SHAPE);
		} else if (value != null && !(value instanceof BigInteger)) {
			error("tensor dimension '" + text(dim) + "' is not an integer", dim, null, IssueCodes.INVALID_SHAPE);
		}
	}

	private static boolean hasUnresolvedName(Expr expr) {
		if (expr instanceof NameRef name && (name.getRef() == null || name.getRef().eIsProxy())) {
			return true;
		}
		for (NameRef name : EcoreUtil2.getAllContentsOfType(expr, NameRef.class)) {
			if (name.getRef() == null || name.getRef().eIsProxy()) {
				return true;
			}
		}
		for (MemberExpr member : EcoreUtil2.getAllContentsOfType(expr, MemberExpr.class)) {
			if (member.getMember() == null || member.getMember().eIsProxy()) {
				return true;
			}
		}
		return expr instanceof MemberExpr member && (member.getMember() == null || member.getMember().eIsProxy());
	}

	@Check
	public void typeConstructor(CallExpr call) {
		if (!(Names.targetOf(call.getCallee()) instanceof FunctionDef function)
				|| !constants.isTypeConstructor(function) || inLibrary(call)) {
			return;
		}
		String name = function.getName();
		List<Object> args = call.getArgs().stream().map(a -> constants.evaluate(a.getValue(), Map.of())).toList();
		if (args.isEmpty() || !(args.get(0) instanceof BigInteger bits)) {
			return;
		}
		if (bits.signum() <= 0 || bits.compareTo(BigInteger.valueOf(MAX_BITS)) > 0) {
			error(name + "(" + bits + "): the width must be between 1 and " + MAX_BITS + " bits", call, null,
					IssueCodes.INVALID_WIDTH);
		} else if (args.size() > 1 && args.get(1) instanceof BigInteger fracs
				&& ("Fixed".equals(name) || "UFixed".equals(name))) {
			if (fracs.signum() < 0 || fracs.compareTo(bits) > 0 || fracs.compareTo(BigInteger.valueOf(MAX_FRACS)) > 0) {
				error(name + "(" + bits + ", " + fracs + "): the fraction bits must be between 0 and "
						+ Math.min(bits.intValue(), MAX_FRACS), call, null, IssueCodes.INVALID_WIDTH);
			}
		}
	}

	@Check
	public void binaryOperands(BinaryExpr binary) {
		if (inLibrary(binary)) {
			return;
		}
		Type left = types.typeOf(binary.getLeft());
		Type right = types.typeOf(binary.getRight());
		if (!isValue(left) || !isValue(right)) {
			return;
		}
		if (left instanceof TensorType || right instanceof TensorType) {
			error("'" + binary.getOp() + "' applies to scalars, not to the tensor" + tensorOperand(left, right)
					+ "; index it (A[i, j]) or use a library kernel such as allo.add", binary, null,
					IssueCodes.OPERAND_TYPE);
			return;
		}
		if (TypeRules.binary(binary.getOp(), left, right) == null) {
			error("'" + binary.getOp() + "' is not defined for " + left.display() + " and " + right.display()
					+ operandHint(binary.getOp()), binary, null, IssueCodes.OPERAND_TYPE);
		}
	}

	private static String tensorOperand(Type left, Type right) {
		return " " + (left instanceof TensorType ? left : right).display();
	}

	private static String operandHint(String op) {
		return switch (op) {
		case "&", "|", "^" -> "; bitwise operators need integers (cast with int32(...) or use .bitcast())";
		case "<<", ">>" -> "; shift an integer or fixed-point value by an integer";
		case "//" -> "; floor division is for integers, use '/' for floating point";
		default -> "; cast one operand explicitly";
		};
	}

	@Check
	public void unaryOperand(UnaryExpr unary) {
		if (inLibrary(unary) || "not".equals(unary.getOp())) {
			return;
		}
		Type operand = types.typeOf(unary.getOperand());
		if (isValue(operand) && (operand instanceof TensorType || TypeRules.unary(unary.getOp(), operand) == null)) {
			error("unary '" + unary.getOp() + "' is not defined for " + operand.display()
					+ ("~".equals(unary.getOp()) ? "; '~' needs an integer" : ""), unary, null, IssueCodes.OPERAND_TYPE);
		}
	}

	@Check
	public void comparedOperands(CompareExpr compare) {
		if (inLibrary(compare)) {
			return;
		}
		for (int i = 0; i < compare.getOps().size() && i + 1 < compare.getOperands().size(); i++) {
			String op = compare.getOps().get(i).replaceAll("\\s+", "");
			if (op.endsWith("in") || op.startsWith("is")) {
				continue;
			}
			Type left = types.typeOf(compare.getOperands().get(i));
			Type right = types.typeOf(compare.getOperands().get(i + 1));
			if (isValue(left) && isValue(right) && TypeRules.compare(left, right) == null) {
				error("cannot compare " + left.display() + " with " + right.display() + "; compare scalars",
						compare.getOperands().get(i + 1), null, IssueCodes.OPERAND_TYPE);
			}
		}
	}

	/** A type checks can speak about: neither unknown nor symbolic nor outside the kernel type system. */
	static boolean isValue(Type type) {
		return !type.isIndeterminate() && !(type instanceof OpaqueType)
				&& !(type instanceof MetaType) && !(type instanceof NoneType)
				&& !(type instanceof TupleType);
	}

	@Check
	public void subscript(SubscriptExpr subscript) {
		if (inLibrary(subscript) || isTemplateArguments(subscript)) {
			return;
		}
		Type target = types.typeOf(subscript.getTarget());
		if (target instanceof TensorType tensor) {
			checkTensorIndices(subscript, tensor);
		} else if (target instanceof IntType || target instanceof IndexType) {
			checkBitAccess(subscript, target);
		} else if (target instanceof FloatType || target instanceof FixedType) {
			error("'" + text(subscript.getTarget()) + "' is a scalar " + target.display()
					+ "; bit access x[k] needs an integer (reinterpret it with .bitcast() first)", subscript, null,
					IssueCodes.NOT_INDEXABLE);
		}
	}

	private static boolean isTemplateArguments(SubscriptExpr subscript) {
		return subscript.eContainer() instanceof CallExpr call && call.getCallee() == subscript;
	}

	private void checkTensorIndices(SubscriptExpr subscript, TensorType tensor) {
		List<Expr> indices = subscript.getIndices();
		if (indices.size() > tensor.rank()) {
			error("too many indices for '" + text(subscript.getTarget()) + "' of type " + tensor.display() + ": "
					+ indices.size() + " given, rank is " + tensor.rank(), subscript, null, IssueCodes.INDEX_RANK);
			return;
		}
		for (int i = 0; i < indices.size(); i++) {
			Expr index = indices.get(i);
			if (index instanceof SliceExpr) {
				continue;
			}
			Type type = types.typeOf(index);
			if (isValue(type) && !TypeRules.isInteger(type)) {
				error("index " + (i + 1) + " of '" + text(subscript.getTarget()) + "' has type " + type.display()
						+ "; indices must be integers", index, null, IssueCodes.INDEX_TYPE);
			} else if (constants.evaluate(index, Map.of()) instanceof BigInteger value
					&& tensor.shape().get(i).isKnown()
					&& (value.signum() < 0 || value.longValue() >= tensor.shape().get(i).size())) {
				error("index " + value + " is out of bounds for dimension " + (i + 1) + " of '"
						+ text(subscript.getTarget()) + "' (size " + tensor.shape().get(i).size() + ")", index, null,
						IssueCodes.INDEX_BOUNDS);
			}
		}
	}

	private void checkBitAccess(SubscriptExpr subscript, Type target) {
		int width = TypeRules.bitsOf(target);
		if (subscript.getIndices().size() != 1) {
			error("bit access takes one index or one slice x[lo:hi], not " + subscript.getIndices().size(), subscript,
					null, IssueCodes.INDEX_RANK);
			return;
		}
		Expr index = subscript.getIndices().get(0);
		if (index instanceof SliceExpr slice) {
			Object lower = constants.evaluate(slice.getLower(), Map.of());
			Object upper = constants.evaluate(slice.getUpper(), Map.of());
			if (lower instanceof BigInteger lo && upper instanceof BigInteger hi
					&& (lo.signum() < 0 || hi.compareTo(lo) <= 0 || hi.compareTo(BigInteger.valueOf(width)) > 0)) {
				error("bit slice [" + lo + ":" + hi + "] of the " + width + "-bit value must satisfy 0 <= lo < hi <= "
						+ width + " (hi is exclusive)", index, null, IssueCodes.BIT_RANGE);
			}
		} else if (constants.evaluate(index, Map.of()) instanceof BigInteger bit
				&& (bit.signum() < 0 || bit.compareTo(BigInteger.valueOf(width)) >= 0)) {
			error("bit " + bit + " does not exist in the " + width + "-bit value; bits are 0.." + (width - 1), index, null,
					IssueCodes.BIT_RANGE);
		}
	}

	@Check
	public void member(MemberExpr member) {
		if (inLibrary(member) || member.getMember() == null || member.getMember().eIsProxy()) {
			return;
		}
		String name = Names.nameOf(member.getMember());
		if ("T".equals(name)) {
			Type receiver = types.typeOf(member.getReceiver());
			if (isValue(receiver) && !(receiver instanceof TensorType)) {
				error("'.T' transposes a tensor; '" + text(member.getReceiver()) + "' is a scalar " + receiver.display(),
						member, AlloPackage.Literals.MEMBER_EXPR__MEMBER, IssueCodes.TRANSPOSE);
			}
		}
	}

	@Check
	public void methodCall(CallExpr call) {
		if (inLibrary(call) || !(call.getCallee() instanceof MemberExpr member) || member.getMember() == null
				|| member.getMember().eIsProxy()) {
			return;
		}
		String name = Names.nameOf(member.getMember());
		Type receiver = types.typeOf(member.getReceiver());
		if (!isValue(receiver) || !stdlib.isStdlib(member.getMember().eResource())) {
			return;
		}
		if ("bitcast".equals(name) && (receiver instanceof TensorType || TypeRules.bitcast(receiver) == null)) {
			error("cannot reinterpret " + receiver.display() + " with .bitcast(): it maps int16/32/64 to "
					+ "float16/32/64 and back, or between signed and unsigned integers of one width", member,
					AlloPackage.Literals.MEMBER_EXPR__MEMBER, IssueCodes.BITCAST);
		} else if ("reverse".equals(name) && !TypeRules.isInteger(receiver)) {
			error(".reverse() reverses the bits of an integer; '" + text(member.getReceiver()) + "' is "
					+ receiver.display(), member, AlloPackage.Literals.MEMBER_EXPR__MEMBER, IssueCodes.BITCAST);
		}
	}

	@Check
	public void cast(CallExpr call) {
		if (inLibrary(call) || !(types.typeOf(call.getCallee()) instanceof MetaType cast)) {
			return;
		}
		if (call.getArgs().size() != 1) {
			error("a cast to " + cast.denoted().display() + " takes exactly one value, not " + call.getArgs().size(),
					call, null, IssueCodes.CAST);
			return;
		}
		Type source = types.typeOf(call.getArgs().get(0).getValue());
		if (isValue(source) && !TypeRules.castLegal(source, cast.denoted())) {
			error("cannot cast " + source.display() + " to " + cast.denoted().display()
					+ (source instanceof TensorType ? "; casts apply to scalars: cast the elements in a loop" : ""),
					call, null, IssueCodes.CAST);
		}
	}

	static String text(EObject object) {
		return TypeComputer.textOf(object).trim();
	}
}
