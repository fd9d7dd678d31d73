package org.allo.lang.ide.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.allo.codegen.CodegenException;
import org.allo.codegen.project.ProjectGenerator;
import org.allo.codegen.project.ProjectWriter;
import org.allo.lang.allo.Module;
import org.allo.lang.ide.cli.AlloMain.UsageException;
import org.allo.lang.ide.cli.BuildRequests.Design;
import org.allo.lang.ir.IrModule;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.schedule.passes.AppliedSchedule;
import org.allo.lang.schedule.passes.ScheduleApplier;
import org.allo.lang.validation.Diagnostic;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.xtext.diagnostics.Severity;

/**
 * {@code allo build FILE [--schedule S] [--target vhls|vitis_hls] [-o DIR]} (LANGUAGE.md §6): generates one
 * project per design ({@link BuildRequests}) in {@code DIR/<project>}, each written completely before it
 * replaces what was there ({@link ProjectWriter}). A schedule's design is the IR after its steps (up to its
 * {@code s.build(...)} statement); a step the passes refuse is an error and nothing is written.
 */
final class BuildCommand {

	private final PrintStream out;
	private final PrintStream err;
	private String file;
	private String scheduleName;
	private String target;
	private Path outputDirectory = Path.of("build");

	BuildCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(List<String> args) {
		parse(args);
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
			report(checked.diagnostics());
			return AlloMain.USER_ERROR;
		}
		Module module = (Module) checked.resource().getContents().get(0);
		BuildRequests requests = new BuildRequests();
		List<Design> designs = requests.designs(module, scheduleName, target);
		if (!requests.problems().isEmpty()) {
			report(requests.problems());
			return AlloMain.USER_ERROR;
		}
		if (designs == null) {
			err.println("allo: " + file + " has no schedule '" + scheduleName + "'");
			return AlloMain.USER_ERROR;
		}
		if (designs.isEmpty()) {
			err.println("allo: " + file + " has no kernel to build");
			return AlloMain.USER_ERROR;
		}
		for (Design design : designs) {
			if (!build(workspace, design)) {
				return AlloMain.USER_ERROR;
			}
		}
		return AlloMain.OK;
	}

	private void parse(List<String> args) {
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			boolean hasValue = i + 1 < args.size();
			if (arg.equals("--schedule") && hasValue) {
				scheduleName = args.get(++i);
			} else if (arg.equals("--target") && hasValue) {
				target = args.get(++i);
				if (!target.equals("vhls") && !target.equals("vitis_hls")) {
					throw new UsageException("--target takes vhls or vitis_hls, not '" + target + "'");
				}
			} else if (arg.equals("-o") && hasValue) {
				outputDirectory = Path.of(args.get(++i));
			} else if (arg.startsWith("-")) {
				throw new UsageException("unknown option '" + arg + "' for build");
			} else if (file == null) {
				file = arg;
			} else {
				throw new UsageException("build takes one FILE");
			}
		}
		if (file == null) {
			throw new UsageException("build needs FILE");
		}
	}

	private boolean build(Workspace workspace, Design design) {
		if (design.options().target().equals("llvm")) {
			out.println("skip " + design.kernel().getName() + ": its build() targets the CPU simulator; run it with allo sim");
			return true;
		}
		Path root = outputDirectory.toAbsolutePath().normalize();
		Path directory = root.resolve(design.options().project()).normalize();
		if (!directory.startsWith(root) || directory.equals(root)) {
			report(List.of(BuildRequests.diagnostic(design.site(), Severity.ERROR, "project '" + design.options().project()
					+ "' is outside the output directory " + outputDirectory + "; use a relative name such as \""
					+ design.kernel().getName() + ".prj\"", IssueCodes.BUILD_PROJECT_ESCAPES)));
			return false;
		}
		IrModule ir = designIr(workspace, design);
		if (ir == null) {
			return false;
		}
		Map<String, String> files;
		try {
			files = ProjectGenerator.generate(ir, design.options());
		} catch (CodegenException e) {
			report(List.of(BuildRequests.diagnostic(design.site(), Severity.ERROR, e.getMessage(), IssueCodes.BUILD_UNSUPPORTED)));
			return false;
		}
		try {
			ProjectWriter.write(directory, files);
		} catch (IOException e) {
			err.println("allo: cannot write " + directory + ": " + e.getMessage());
			return false;
		}
		out.println("built " + design.kernel().getName() + " (" + design.options().target() + "): " + outputDirectory.resolve(
				design.options().project()).normalize() + " (" + files.size() + " files)");
		return true;
	}

	/**
	 * The kernel lowered and, for a schedule, its steps up to the design's applied; null after
	 * reporting why not (a construct the lowering does not cover, a refused step).
	 */
	private IrModule designIr(Workspace workspace, Design design) {
		if (design.schedule() == null) {
			LoweringResult lowered = workspace.instance(Lowering.class).lower(design.kernel());
			if (!lowered.succeeded()) {
				report(lowered.errors());
				return null;
			}
			return lowered.module();
		}
		AppliedSchedule applied = workspace.instance(ScheduleApplier.class).apply(design.schedule(), design.steps(), (step, ir) -> {
		});
		if (!applied.succeeded()) {
			report(applied.errors());
			return null;
		}
		return applied.module();
	}

	private void report(List<Diagnostic> diagnostics) {
		for (Diagnostic diagnostic : diagnostics) {
			out.println(file + ":" + diagnostic.format());
		}
	}
}
