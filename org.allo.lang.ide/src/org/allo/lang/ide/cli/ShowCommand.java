package org.allo.lang.ide.cli;

import java.io.PrintStream;
import java.util.List;

import org.allo.lang.ide.cli.AlloMain.UsageException;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.printer.IrPrinter;

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
		IrModule module = new KernelLoader(out, err).lower(file, kernelName);
		if (module == null) {
			return AlloMain.USER_ERROR;
		}
		out.print(IrPrinter.print(module));
		return AlloMain.OK;
	}
}
