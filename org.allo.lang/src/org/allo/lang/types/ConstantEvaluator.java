package org.allo.lang.types;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.allo.lang.allo.Argument;
import org.allo.lang.allo.BinaryExpr;
import org.allo.lang.allo.BoolLiteral;
import org.allo.lang.allo.BraceExpr;
import org.allo.lang.allo.BraceItem;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.CompareExpr;
import org.allo.lang.allo.ConditionalExpr;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.ExprStmt;
import org.allo.lang.allo.FloatLiteral;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.ImportedName;
import org.allo.lang.allo.IntLiteral;
import org.allo.lang.allo.ListExpr;
import org.allo.lang.allo.MemberExpr;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.StringLiteral;
import org.allo.lang.allo.SubscriptExpr;
import org.allo.lang.allo.Suite;
import org.allo.lang.allo.TupleExpr;
import org.allo.lang.allo.TypeParam;
import org.allo.lang.allo.UnaryExpr;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.scoping.Members;
import org.allo.lang.scoping.Names;
import org.allo.lang.scoping.Stdlib;
import org.eclipse.emf.ecore.EObject;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Compile-time evaluation, as Allo does it in Python before building IR: module constants, type
 * aliases, template arguments, shape expressions and {@code meta_if} conditions. Values are
 * {@link BigInteger}, {@link Double}, {@link Boolean}, {@link String}, {@link Type} (a type used as
 * a value, e.g. {@code Ty = int16}) and {@link List} (tuples, lists, sets); null means "not a
 * compile-time constant" (a runtime value, an unbound template parameter, an error elsewhere).
 * Types come from evaluating the standard library's declarations ({@code int32 = Int(32)}).
 */
@Singleton
public class ConstantEvaluator {

	private static final int MAX_DEPTH = 64;
	private static final String TYPES_MODULE = "allo.ir.types";

	@Inject
	private Stdlib stdlib;

	/**
	 * The value of {@code expr}, with template parameters bound by {@code env}; null when not constant.
	 * In a kernel instance env also binds its {@code df.get_pid()} names and {@code meta_for} variables.
	 */
	public Object evaluate(Expr expr, Map<? extends Referable, Object> env) {
		return eval(expr, env, 0);
	}

	/** The value a name stands for (a module constant, a type alias, a bound template parameter). */
	public Object valueOf(Referable referable, Map<? extends Referable, Object> env) {
		return valueOfReferable(referable, env, 0);
	}

	/** The value as an integer, or null when it is not a compile-time integer. */
	public BigInteger integer(Expr expr, Map<? extends Referable, Object> env) {
		return evaluate(expr, env) instanceof BigInteger value ? value : null;
	}

	private Object eval(Expr expr, Map<? extends Referable, Object> env, int depth) {
		if (expr == null || depth > MAX_DEPTH) {
			return null;
		}
		if (expr instanceof IntLiteral literal) {
			return literal.getValue();
		} else if (expr instanceof FloatLiteral literal) {
			return literal.getValue();
		} else if (expr instanceof BoolLiteral literal) {
			return literal.isValue();
		} else if (expr instanceof StringLiteral literal) {
			return literal.getValue();
		} else if (expr instanceof NameRef name) {
			return valueOfReferable(name.getRef(), env, depth + 1);
		} else if (expr instanceof MemberExpr member) {
			return member(member, env, depth + 1);
		} else if (expr instanceof CallExpr call) {
			return call(call, env, depth + 1);
		} else if (expr instanceof BinaryExpr binary) {
			return binary(binary.getOp(), eval(binary.getLeft(), env, depth + 1), eval(binary.getRight(), env, depth + 1));
		} else if (expr instanceof UnaryExpr unary) {
			return unary(unary.getOp(), eval(unary.getOperand(), env, depth + 1));
		} else if (expr instanceof CompareExpr compare) {
			return compare(compare, env, depth + 1);
		} else if (expr instanceof ConditionalExpr conditional) {
			Object condition = eval(conditional.getCondition(), env, depth + 1);
			return condition instanceof Boolean b ? eval(b ? conditional.getThen() : conditional.getElse(), env, depth + 1) : null;
		} else if (expr instanceof TupleExpr tuple) {
			return all(tuple.getElements(), env, depth + 1);
		} else if (expr instanceof ListExpr list) {
			return all(list.getElements(), env, depth + 1);
		} else if (expr instanceof BraceExpr braces) {
			List<Expr> keys = new ArrayList<>();
			for (BraceItem item : braces.getItems()) {
				keys.add(item.getKey());
			}
			return all(keys, env, depth + 1);
		}
		return null;
	}

	private List<Object> all(List<Expr> elements, Map<? extends Referable, Object> env, int depth) {
		List<Object> values = new ArrayList<>(elements.size());
		for (Expr element : elements) {
			Object value = eval(element, env, depth);
			if (value == null) {
				return null;
			}
			values.add(value);
		}
		return values;
	}

	private Object valueOfReferable(Referable referable, Map<? extends Referable, Object> env, int depth) {
		if (referable == null || referable.eIsProxy() || depth > MAX_DEPTH) {
			return null;
		}
		if (referable instanceof TypeParam || env.containsKey(referable)) {
			return env.get(referable);
		} else if (referable instanceof ImportedName imported) {
			return valueOfReferable(imported.getTarget(), env, depth + 1);
		} else if (referable instanceof NameRef assigned && isConstantBlock(statementBlock(assigned))) {
			return eval(Members.assignedValue(assigned), env, depth + 1);
		} else if (referable instanceof VarDecl decl && isConstExpr(decl)) {
			return eval(decl.getInit(), env, depth + 1);
		}
		return null;
	}

	/** Module-level and class-level assignments are compile-time constants; a kernel's are variables. */
	private static boolean isConstantBlock(EObject block) {
		return block instanceof Module || block instanceof Suite suite && suite.eContainer() instanceof ClassDef;
	}

	private static EObject statementBlock(NameRef assigned) {
		EObject statement = assigned.eContainer() instanceof TupleExpr tuple ? tuple.eContainer() : assigned.eContainer();
		return statement instanceof ExprStmt ? statement.eContainer() : null;
	}

	/** {@code name: ConstExpr[int32] = expr}. */
	public boolean isConstExpr(VarDecl decl) {
		Expr type = decl.getType();
		return type instanceof SubscriptExpr subscript
				&& isStdlibClass(Names.targetOf(subscript.getTarget()), "ConstExpr");
	}

	private Object member(MemberExpr member, Map<? extends Referable, Object> env, int depth) {
		String name = Names.nameOf(member.getMember());
		if ("bits".equals(name) || "fracs".equals(name)) {
			Object receiver = eval(member.getReceiver(), env, depth);
			if (receiver instanceof Type type) {
				return typeField(type, name);
			}
		}
		return valueOfReferable(member.getMember(), env, depth);
	}

	private static BigInteger typeField(Type type, String field) {
		if ("fracs".equals(field)) {
			return BigInteger.valueOf(type instanceof FixedType fixed ? fixed.fracs() : 0);
		}
		int bits = TypeRules.bitsOf(type);
		return bits == 0 ? null : BigInteger.valueOf(bits);
	}

	private Object call(CallExpr call, Map<? extends Referable, Object> env, int depth) {
		Referable callee = Names.targetOf(call.getCallee());
		if (callee instanceof FunctionDef function && isTypeConstructor(function)) {
			List<Object> args = new ArrayList<>();
			for (Argument argument : call.getArgs()) {
				args.add(eval(argument.getValue(), env, depth));
			}
			return construct(function.getName(), args);
		}
		if (callee instanceof FunctionDef function && stdlib.isStdlib(function.eResource())
				&& ("min".equals(function.getName()) || "max".equals(function.getName()))) {
			return minMax(function.getName(), call, env, depth);
		}
		return null;
	}

	private Object minMax(String which, CallExpr call, Map<? extends Referable, Object> env, int depth) {
		BigInteger best = null;
		for (Argument argument : call.getArgs()) {
			if (!(eval(argument.getValue(), env, depth) instanceof BigInteger value)) {
				return null;
			}
			best = best == null ? value : "min".equals(which) ? best.min(value) : best.max(value);
		}
		return best;
	}

	/** {@code Int}, {@code UInt}, {@code Fixed}, {@code UFixed}, {@code Float} of {@code allo.ir.types}. */
	public boolean isTypeConstructor(FunctionDef function) {
		return TYPES_MODULE.equals(stdlib.moduleName(function.eResource() == null ? null : function.eResource().getURI()))
				&& List.of("Int", "UInt", "Fixed", "UFixed", "Float", "Index").contains(function.getName());
	}

	/** Whether {@code referable} is the standard library's class of that name (Stream, ConstExpr, Stateful). */
	public boolean isStdlibClass(Referable referable, String name) {
		return referable instanceof ClassDef classDef && name.equals(classDef.getName())
				&& stdlib.isStdlib(classDef.eResource());
	}

	/** The scalar type built by a constructor, or null for arguments out of Allo's range (the validator says why). */
	static Type construct(String constructor, List<Object> args) {
		if ("Index".equals(constructor)) {
			return IndexType.INSTANCE;
		}
		int arity = "Int".equals(constructor) || "UInt".equals(constructor) ? 1 : 2;
		if (args.size() != arity || args.stream().anyMatch(a -> !(a instanceof BigInteger))) {
			return null;
		}
		BigInteger bits = (BigInteger) args.get(0);
		if (bits.signum() <= 0 || bits.bitLength() > 31) {
			return null;
		}
		int b = bits.intValue();
		if (arity == 1) {
			return new IntType(b, "Int".equals(constructor));
		}
		BigInteger fracs = (BigInteger) args.get(1);
		if (fracs.signum() < 0 || fracs.compareTo(bits) > 0) {
			return null;
		}
		int f = fracs.intValue();
		return "Float".equals(constructor) ? new FloatType(b, f) : new FixedType(b, f, "Fixed".equals(constructor));
	}

	static Object binary(String op, Object l, Object r) {
		if ("and".equals(op)) {
			return l instanceof Boolean a && r instanceof Boolean b ? a && b : null;
		} else if ("or".equals(op)) {
			return l instanceof Boolean a && r instanceof Boolean b ? a || b : null;
		}
		if (l instanceof BigInteger a && r instanceof BigInteger b) {
			return integerBinary(op, a, b);
		}
		if (l instanceof Number a && r instanceof Number b && (l instanceof Double || r instanceof Double)) {
			return floatBinary(op, a.doubleValue(), b.doubleValue());
		}
		return null;
	}

	private static Object integerBinary(String op, BigInteger a, BigInteger b) {
		switch (op) {
		case "+":
			return a.add(b);
		case "-":
			return a.subtract(b);
		case "*":
			return a.multiply(b);
		case "/":
			return b.signum() == 0 ? null : a.doubleValue() / b.doubleValue();
		case "//":
			return b.signum() == 0 ? null : floorDiv(a, b);
		case "%":
			return b.signum() == 0 ? null : a.subtract(floorDiv(a, b).multiply(b));
		case "**":
			return b.signum() < 0 || b.bitLength() > 16 ? null : a.pow(b.intValue());
		case "<<":
			return b.signum() < 0 || b.bitLength() > 16 ? null : a.shiftLeft(b.intValue());
		case ">>":
			return b.signum() < 0 || b.bitLength() > 16 ? null : a.shiftRight(b.intValue());
		case "&":
			return a.and(b);
		case "|":
			return a.or(b);
		case "^":
			return a.xor(b);
		default:
			return null;
		}
	}

	private static BigInteger floorDiv(BigInteger a, BigInteger b) {
		BigInteger[] qr = a.divideAndRemainder(b);
		return qr[1].signum() != 0 && qr[1].signum() != b.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
	}

	private static Object floatBinary(String op, double a, double b) {
		return switch (op) {
		case "+" -> a + b;
		case "-" -> a - b;
		case "*" -> a * b;
		case "/" -> b == 0 ? null : a / b;
		case "**" -> Math.pow(a, b);
		default -> null;
		};
	}

	private static Object unary(String op, Object operand) {
		if ("not".equals(op)) {
			return operand instanceof Boolean b ? !b : null;
		}
		if (operand instanceof BigInteger value) {
			return switch (op) {
			case "-" -> value.negate();
			case "~" -> value.not();
			default -> value;
			};
		}
		if (operand instanceof Double value) {
			return "-".equals(op) ? -value : "+".equals(op) ? value : null;
		}
		return null;
	}

	private Object compare(CompareExpr compare, Map<? extends Referable, Object> env, int depth) {
		// A comparison the parser recovered from (a < while typing) lacks its last operand.
		if (compare.getOperands().size() != compare.getOps().size() + 1) {
			return null;
		}
		Object left = eval(compare.getOperands().get(0), env, depth);
		for (int i = 0; i < compare.getOps().size(); i++) {
			Object right = eval(compare.getOperands().get(i + 1), env, depth);
			Boolean holds = compareOne(compare.getOps().get(i), left, right);
			if (holds == null || !holds) {
				return holds;
			}
			left = right;
		}
		return Boolean.TRUE;
	}

	private static Boolean compareOne(String op, Object l, Object r) {
		if (l == null || r == null) {
			return null;
		}
		String normalized = op.replaceAll("\\s+", "");
		switch (normalized) {
		case "in":
			return r instanceof List<?> list ? list.stream().anyMatch(e -> sameValue(l, e)) : null;
		case "notin":
			return r instanceof List<?> list ? list.stream().noneMatch(e -> sameValue(l, e)) : null;
		case "==", "is":
			return sameValue(l, r);
		case "!=", "isnot":
			return !sameValue(l, r);
		default:
			break;
		}
		if (l instanceof Number a && r instanceof Number b) {
			int order = l instanceof BigInteger x && r instanceof BigInteger y ? x.compareTo(y)
					: Double.compare(a.doubleValue(), b.doubleValue());
			return switch (normalized) {
			case "<" -> order < 0;
			case "<=" -> order <= 0;
			case ">" -> order > 0;
			case ">=" -> order >= 0;
			default -> null;
			};
		}
		return null;
	}

	private static boolean sameValue(Object l, Object r) {
		if (l instanceof Number a && r instanceof Number b && (l instanceof Double || r instanceof Double)) {
			return a.doubleValue() == b.doubleValue();
		}
		return Objects.equals(l, r);
	}
}
