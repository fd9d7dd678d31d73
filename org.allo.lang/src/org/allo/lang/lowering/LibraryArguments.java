package org.allo.lang.lowering;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.allo.lang.allo.Argument;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.types.TypeComputer;
import org.allo.lang.validation.IssueCodes;

/**
 * The arguments of a call to a standard-library kernel. Allo's library functions take options the
 * library kernels do not have as parameters (the axes of transpose, the axis of concat); an option is
 * accepted when it asks for what the kernel computes anyway, and refused otherwise, never ignored.
 */
final class LibraryArguments {

	/** Per kernel, the options (as written, without spaces) that state its fixed behaviour. */
	private static final Map<String, Set<String>> BUILT_IN_BEHAVIOUR = Map.of(
			"transpose", Set.of("(1,0)", "1,0", "[1,0]", "axes=(1,0)", "axes=1,0", "axes=[1,0]"),
			"concat", Set.of("0", "axis=0"));

	private LibraryArguments() {
	}

	/** The arguments bound to the kernel's parameters; every other argument must state the kernel's behaviour. */
	static List<Expr> of(CallExpr call, FunctionDef kernel) {
		List<Argument> positional = call.getArgs().stream().filter(argument -> argument.getKeyword() == null).toList();
		int bound = Math.min(positional.size(), kernel.getParams().size());
		for (Argument argument : call.getArgs()) {
			if (argument.getKeyword() != null || positional.indexOf(argument) >= bound) {
				check(argument, kernel);
			}
		}
		return positional.subList(0, bound).stream().map(Argument::getValue).toList();
	}

	private static void check(Argument argument, FunctionDef kernel) {
		String text = (argument.getKeyword() == null ? "" : argument.getKeyword() + "=")
				+ TypeComputer.textOf(argument.getValue()).replaceAll("\\s+", "");
		Set<String> accepted = BUILT_IN_BEHAVIOUR.getOrDefault(kernel.getName(), Set.of());
		if (!accepted.contains(text)) {
			throw new LoweringError(argument, IssueCodes.LOWERING_UNSUPPORTED_EXPRESSION, "the standard library's "
					+ kernel.getName() + " kernel has no option '" + text + "'"
					+ (accepted.isEmpty() ? "; remove it" : "; it computes what " + accepted.stream().sorted().max(Comparator.comparingInt(String::length)).get()
							+ " asks for, so write that or nothing"));
		}
	}
}
