package org.allo.lang.ide.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.allo.lang.ide.cli.AlloMain.UsageException;
import org.allo.lang.validation.Diagnostic;

/** {@code allo check FILE...}: every diagnostic of every file; exit 1 when any is an error. */
final class CheckCommand {

	/** Beyond this, a file is garbage or badly broken, and more lines would only bury the first ones. */
	static final int MAX_SHOWN = 1000;

	private final PrintStream out;
	private final PrintStream err;

	CheckCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(List<String> args) {
		List<String> files = new ArrayList<>();
		for (String arg : args) {
			if (arg.startsWith("-") && !arg.equals("-")) {
				throw new UsageException("unknown option '" + arg + "' for check");
			}
			files.add(arg);
		}
		if (files.isEmpty()) {
			throw new UsageException("check needs at least one FILE");
		}
		Workspace workspace = Workspace.create();
		boolean failed = false;
		for (String file : files) {
			Workspace.Checked checked = workspace.check(file);
			if (checked.unreadable() != null) {
				err.println("allo: cannot read " + file + ": " + checked.unreadable());
				failed = true;
				continue;
			}
			if (checked.crash() != null) {
				throw new IllegalStateException("a check crashed on " + file, checked.crash());
			}
			List<Diagnostic> diagnostics = checked.diagnostics();
			for (Diagnostic diagnostic : diagnostics.subList(0, Math.min(diagnostics.size(), MAX_SHOWN))) {
				out.println(file + ":" + diagnostic.format());
			}
			if (diagnostics.size() > MAX_SHOWN) {
				out.println(file + ": " + (diagnostics.size() - MAX_SHOWN) + " more diagnostics not shown");
			}
			failed |= diagnostics.stream().anyMatch(Diagnostic::isError);
		}
		return failed ? AlloMain.USER_ERROR : AlloMain.OK;
	}
}
