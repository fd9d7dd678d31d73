package org.allo.lang.ide.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.ir.IrModule;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.validation.Diagnostic;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * What {@code show}, {@code sim} and {@code report} share: check a file, find kernel K in it and lower it to the IR.
 * Each failure is a user error whose diagnostics or message are printed here.
 */
final class KernelLoader {

	private final PrintStream out;
	private final PrintStream err;

	KernelLoader(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** The lowered module, or null when the failure has been printed (exit code 1). */
	IrModule lower(String file, String kernelName) {
		Workspace workspace = Workspace.create();
		Resource resource = checked(workspace, file);
		if (resource == null) {
			return null;
		}
		List<FunctionDef> kernels = kernels(resource.getContents().get(0));
		FunctionDef kernel = kernels.stream().filter(k -> k.getName().equals(kernelName)).findFirst().orElse(null);
		if (kernel == null) {
			err.println("allo: " + file + " has no kernel '" + kernelName + "'; its kernels: "
					+ kernels.stream().map(FunctionDef::getName).collect(Collectors.joining(", ")));
			return null;
		}
		LoweringResult result = workspace.instance(Lowering.class).lower(kernel);
		if (!result.succeeded()) {
			report(file, result.errors());
			return null;
		}
		return result.module();
	}

	/** The checked file, or null when it cannot be read or has errors (printed here). */
	Resource checked(Workspace workspace, String file) {
		Workspace.Checked checked = workspace.check(file);
		if (checked.unreadable() != null) {
			err.println("allo: cannot read " + file + ": " + checked.unreadable());
			return null;
		}
		if (checked.crash() != null) {
			throw new IllegalStateException("a check crashed on " + file, checked.crash());
		}
		if (checked.diagnostics().stream().anyMatch(Diagnostic::isError)) {
			report(file, checked.diagnostics());
			return null;
		}
		return checked.resource();
	}

	void report(String file, List<Diagnostic> diagnostics) {
		for (Diagnostic diagnostic : diagnostics) {
			out.println(file + ":" + diagnostic.format());
		}
	}

	private static List<FunctionDef> kernels(Object root) {
		return root instanceof Module module ? module.getStatements().stream().filter(FunctionDef.class::isInstance)
				.map(FunctionDef.class::cast).toList() : List.of();
	}
}
