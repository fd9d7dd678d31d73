package org.allo.lang.ui.build;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.allo.lang.ide.cli.AlloMain;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Generates the HLS project(s) of one {@code .allo} file into its project's output folder: exactly
 * {@code allo build FILE --target T -o FOLDER}, run in-process, then the folder is refreshed.
 */
public final class HlsBuild {

	/** What {@code allo build} printed and whether it succeeded. */
	public record Result(boolean succeeded, String output) {
	}

	private HlsBuild() {
	}

	public static Result generate(IFile file, BuildSettings settings, IProgressMonitor monitor) throws CoreException {
		IFolder folder = outputFolder(file.getProject(), settings);
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int exit;
		try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
			exit = AlloMain.run(new String[] { "build", file.getLocation().toOSString(), "--target", settings.target(), "-o",
					folder.getLocation().toOSString() }, out, out);
		}
		folder.refreshLocal(IResource.DEPTH_INFINITE, monitor);
		return new Result(exit == AlloMain.OK, output.toString(StandardCharsets.UTF_8));
	}

	public static IFolder outputFolder(IProject project, BuildSettings settings) {
		return project.getFolder(settings.outputFolder());
	}
}
