package org.allo.lang.ide.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.ide.cli.AlloMain.UsageException;
import org.allo.lang.ir.printer.IrPrinter;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.validation.Diagnostic;

/**
 * {@code allo show FILE --kernel K}: the kernel lowered to the IR, printed as IrPrinter writes it.
 * Errors in the file, an unknown kernel, or a construct the lowering does not cover exit with 1.
 */
final class ShowCommand {

	private final PrintStream out;
	private final PrintStream err;

	ShowCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(List<String> args) {
		String file = null;
		String kernelName = null;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--kernel") && i + 1 < args.size()) {
				kernelName = args.get(++i);
			} else if (arg.startsWith("-")) {
				throw new UsageException("unknown option '" + arg + "' for show");
			} else if (file == null) {
				file = arg;
			} else {
				throw new UsageException("show takes one FILE");
			}
		}
		if (file == null || kernelName == null) {
			throw new UsageException("show needs FILE and --kernel K");
		}
		Workspace workspace = Workspace.create();
		Workspace.Checked checked = workspace.check(file);
		if (checked.unreadable() != null) {
			err.println("allo: cannot read " + file + ": " + checked.unreadable());
			return AlloMain.USER_ERROR;
		}
		if (checked.crash() != null) {
			throw new IllegalStateException("a check crashed on " + file, checked.crash());
		}
		if (checked.diagnostics().stream().anyMatch(Diagnostic::isError)) {
			return report(file, checked.diagnostics());
		}
		List<FunctionDef> kernels = kernels(checked.resource().getContents().get(0));
		String wanted = kernelName;
		FunctionDef kernel = kernels.stream().filter(k -> k.getName().equals(wanted)).findFirst().orElse(null);
		if (kernel == null) {
			err.println("allo: " + file + " has no kernel '" + kernelName + "'; its kernels: "
					+ kernels.stream().map(FunctionDef::getName).collect(Collectors.joining(", ")));
			return AlloMain.USER_ERROR;
		}
		LoweringResult result = workspace.instance(Lowering.class).lower(kernel);
		if (!result.succeeded()) {
			return report(file, result.errors());
		}
		out.print(IrPrinter.print(result.module()));
		return AlloMain.OK;
	}

	private int report(String file, List<Diagnostic> diagnostics) {
		for (Diagnostic diagnostic : diagnostics) {
			out.println(file + ":" + diagnostic.format());
		}
		return AlloMain.USER_ERROR;
	}

	private static List<FunctionDef> kernels(Object root) {
		return root instanceof Module module ? module.getStatements().stream().filter(FunctionDef.class::isInstance)
				.map(FunctionDef.class::cast).toList() : List.of();
	}
}
