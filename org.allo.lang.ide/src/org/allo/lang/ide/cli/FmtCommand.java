package org.allo.lang.ide.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.allo.lang.ide.cli.AlloMain.UsageException;
import org.allo.lang.ide.format.AlloFormatter;
import org.allo.lang.validation.Diagnostic;
import org.eclipse.xtext.resource.XtextResource;

/**
 * {@code allo fmt [--check] FILE...}: formats files in place (LANGUAGE.md §6). With {@code --check}
 * nothing is written; files that would change are listed and the exit code is 1. A file with
 * syntax errors is not formatted: its errors are printed and the exit code is 1.
 */
final class FmtCommand {

	private final PrintStream out;
	private final PrintStream err;

	FmtCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(List<String> args) throws IOException {
		boolean check = false;
		List<String> files = new ArrayList<>();
		for (String arg : args) {
			if (arg.equals("--check")) {
				check = true;
			} else if (arg.startsWith("-")) {
				throw new UsageException("unknown option '" + arg + "' for fmt");
			} else {
				files.add(arg);
			}
		}
		if (files.isEmpty()) {
			throw new UsageException("fmt needs at least one FILE");
		}
		Workspace workspace = Workspace.create();
		boolean failed = false;
		for (String file : files) {
			failed |= !format(workspace, file, check);
		}
		return failed ? AlloMain.USER_ERROR : AlloMain.OK;
	}

	/** Formats one file; false when it could not be or, with --check, would change. */
	private boolean format(Workspace workspace, String file, boolean check) throws IOException {
		Workspace.Checked checked = workspace.check(file);
		if (checked.unreadable() != null) {
			err.println("allo: cannot read " + file + ": " + checked.unreadable());
			return false;
		}
		if (!(checked.resource() instanceof XtextResource parsed) || parsed.getParseResult() == null
				|| parsed.getParseResult().hasSyntaxErrors()) {
			for (Diagnostic diagnostic : checked.diagnostics()) {
				if (diagnostic.code().startsWith("allo.syntax")) {
					out.println(file + ":" + diagnostic.format());
				}
			}
			err.println("allo: " + file + " has syntax errors; not formatted");
			return false;
		}
		Path path = Path.of(file);
		String text = Files.readString(path, StandardCharsets.UTF_8);
		String formatted = AlloFormatter.format(text);
		if (formatted.equals(text)) {
			return true;
		}
		if (check) {
			out.println(file + ": would be reformatted");
			return false;
		}
		Files.writeString(path, formatted, StandardCharsets.UTF_8);
		out.println(file + ": reformatted");
		return true;
	}
}
