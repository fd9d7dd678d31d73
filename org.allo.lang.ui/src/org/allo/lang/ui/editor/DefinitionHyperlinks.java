package org.allo.lang.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.allo.lang.ui.server.InProcessServer;
import org.allo.lang.ui.server.WorkspaceFiles;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Ctrl+click on a name (or a loop named in a schedule string) goes to its declaration, as the
 * server's go-to-definition finds it. Declarations in the standard library have no workspace file
 * and no link.
 */
public final class DefinitionHyperlinks extends AbstractHyperlinkDetector {

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
		EditedSource source = EditedSource.of(viewer.getDocument());
		if (source == null) {
			return null;
		}
		Either<List<? extends Location>, List<? extends LocationLink>> answer = InProcessServer.await(source.server().api()
				.definition(new DefinitionParams(source.id(), source.position(region.getOffset()))));
		List<Location> locations = new ArrayList<>();
		if (answer != null && answer.isLeft()) {
			locations.addAll(answer.getLeft());
		}
		IRegion word = Words.identifierAt(source.document(), region.getOffset());
		WorkspaceFiles files = new WorkspaceFiles(ResourcesPlugin.getWorkspace().getRoot());
		List<IHyperlink> links = new ArrayList<>();
		for (Location location : locations) {
			IFile target = files.fileOf(location.getUri());
			if (target != null) {
				links.add(new DeclarationLink(word, target, location.getRange()));
			}
		}
		return links.isEmpty() ? null : links.toArray(IHyperlink[]::new);
	}
}
