package org.allo.lang.ui.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.allo.lang.ui.AlloUiPlugin;
import org.allo.lang.ui.server.InProcessServer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * The Allo project builder: tells the in-process server which {@code .allo} files changed on disk
 * (so that problem markers follow saves, renames and deletions, also of files no editor shows) and,
 * when the preference says so, regenerates the HLS projects of each saved file.
 */
public final class AlloBuilder extends IncrementalProjectBuilder {

	public static final String ID = AlloUiPlugin.ID + ".builder";

	@Override
	protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
		BuildSettings settings = BuildSettings.current();
		List<IFile> changed = new ArrayList<>();
		List<IFile> removed = new ArrayList<>();
		IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
		if (delta == null) {
			getProject().accept(resource -> collect(resource, settings, changed));
		} else {
			delta.accept(child -> {
				if (child.getKind() == IResourceDelta.REMOVED) {
					return collect(child.getResource(), settings, removed);
				}
				return collect(child.getResource(), settings, changed);
			});
		}
		InProcessServer server = AlloUiPlugin.getDefault().server();
		server.filesChanged(changed, removed);
		if (settings.generateOnSave()) {
			for (IFile file : changed) {
				BuildProblems.show(file, HlsBuild.generate(file, settings, monitor));
			}
		}
		return null;
	}

	/** Collects the {@code .allo} files under {@code resource}, except in the output folder (generated). */
	private boolean collect(IResource resource, BuildSettings settings, List<IFile> files) {
		if (resource.equals(HlsBuild.outputFolder(getProject(), settings))) {
			return false;
		}
		if (resource instanceof IFile file && "allo".equals(file.getFileExtension())) {
			files.add(file);
		}
		return true;
	}
}
