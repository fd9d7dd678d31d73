package org.allo.lang.ui.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.Charset;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.runtime.CoreException;

/** From the server's file URIs to workspace files, and what those files hold on disk. */
public final class WorkspaceFiles {

	private final IWorkspaceRoot root;

	public WorkspaceFiles(IWorkspaceRoot root) {
		this.root = root;
	}

	/** The workspace file at {@code uri}, or null for places outside the workspace (the standard library). */
	public IFile fileOf(String uri) {
		try {
			IFile[] files = root.findFilesForLocationURI(new java.net.URI(uri));
			return files.length == 0 ? null : files[0];
		} catch (URISyntaxException | IllegalArgumentException e) {
			return null;
		}
	}

	/** The saved text of {@code file}; null when it cannot be read (deleted meanwhile). */
	public static String savedText(IFile file) {
		try (InputStream in = file.getContents(true)) {
			return new String(in.readAllBytes(), Charset.forName(file.getCharset()));
		} catch (CoreException | IOException e) {
			return null;
		}
	}
}
