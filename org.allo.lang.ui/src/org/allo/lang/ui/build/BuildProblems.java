package org.allo.lang.ui.build;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.allo.lang.ui.AlloUiPlugin;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

/**
 * Why the builder generated no HLS project, as markers of their own type (the checker's problems
 * are the server's markers): one per line {@code allo build} reported, at the line it names.
 */
final class BuildProblems {

	static final String TYPE = AlloUiPlugin.ID + ".buildProblem";

	/** {@code FILE:line:col: severity: message [code]}, as {@code allo build} reports. */
	private static final Pattern REPORTED = Pattern.compile(":(\\d+):\\d+: (error|warning): (.*)$");

	private BuildProblems() {
	}

	static void show(IFile file, HlsBuild.Result result) throws CoreException {
		file.deleteMarkers(TYPE, false, IResource.DEPTH_ZERO);
		if (result.succeeded()) {
			return;
		}
		boolean placed = false;
		for (String line : result.output().lines().toList()) {
			Matcher reported = REPORTED.matcher(line);
			if (reported.find()) {
				add(file, Integer.parseInt(reported.group(1)), reported.group(2).equals("error"), reported.group(3));
				placed = true;
			}
		}
		if (!placed) {
			add(file, 1, true, result.output().strip());
		}
	}

	private static void add(IFile file, int line, boolean error, String message) throws CoreException {
		IMarker marker = file.createMarker(TYPE);
		marker.setAttribute(IMarker.LINE_NUMBER, line);
		marker.setAttribute(IMarker.SEVERITY, error ? IMarker.SEVERITY_ERROR : IMarker.SEVERITY_WARNING);
		marker.setAttribute(IMarker.MESSAGE, "HLS project not generated: " + message);
	}
}
