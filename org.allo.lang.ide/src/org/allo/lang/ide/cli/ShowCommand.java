package org.allo.lang.ide.cli;

import java.io.PrintStream;
import java.util.List;

import org.allo.lang.ide.cli.AlloMain.UsageException;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.printer.IrPrinter;

/**
 * {@code allo show FILE --kernel K}: the kernel lowered to the IR, printed as IrPrinter writes it.
 * {@code allo show FILE --schedule S [--step N]}: the IR after step N of schedule S (default: the
 * last; 0 is the kernel unscheduled). Errors in the file (refused steps included), an unknown
 * kernel or schedule, or a construct the lowering does not cover exit with 1.
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
		String scheduleName = null;
		Integer step = null;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			boolean hasValue = i + 1 < args.size();
			if (arg.equals("--kernel") && hasValue) {
				kernelName = args.get(++i);
			} else if (arg.equals("--schedule") && hasValue) {
				scheduleName = args.get(++i);
			} else if (arg.equals("--step") && hasValue) {
				step = stepNumber(args.get(++i));
			} else if (arg.startsWith("-")) {
				throw new UsageException("unknown option '" + arg + "' for show");
			} else if (file == null) {
				file = arg;
			} else {
				throw new UsageException("show takes one FILE");
			}
		}
		if (file == null || (kernelName == null) == (scheduleName == null)) {
			throw new UsageException("show needs FILE and either --kernel K or --schedule S");
		}
		if (step != null && scheduleName == null) {
			throw new UsageException("--step N needs --schedule S");
		}
		KernelLoader loader = new KernelLoader(out, err);
		IrModule module;
		if (scheduleName != null) {
			KernelLoader.Scheduled scheduled = loader.schedule(file, scheduleName, step);
			module = scheduled == null ? null : scheduled.module();
		} else {
			module = loader.lower(file, kernelName);
		}
		if (module == null) {
			return AlloMain.USER_ERROR;
		}
		out.print(IrPrinter.print(module));
		return AlloMain.OK;
	}

	private static int stepNumber(String value) {
		try {
			return Integer.parseInt(value);
		} catch (NumberFormatException e) {
			throw new UsageException("--step takes a step number, not '" + value + "'");
		}
	}
}
