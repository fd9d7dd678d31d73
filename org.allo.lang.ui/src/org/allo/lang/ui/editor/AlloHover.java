package org.allo.lang.ui.editor;

import java.util.stream.Collectors;

import org.allo.lang.ui.server.InProcessServer;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkedString;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** The server's hover (signature, type, loops and bands of a kernel) as plain text. */
public final class AlloHover implements ITextHover {

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		EditedSource source = EditedSource.of(viewer.getDocument());
		if (source == null) {
			return null;
		}
		Hover hover = InProcessServer.await(source.server().api()
				.hover(new HoverParams(source.id(), source.position(region.getOffset()))));
		if (hover == null || hover.getContents() == null) {
			return null;
		}
		String markdown = hover.getContents().isRight() ? hover.getContents().getRight().getValue()
				: hover.getContents().getLeft().stream().map(AlloHover::textOf).collect(Collectors.joining("\n\n"));
		String text = withoutCodeFences(markdown).strip();
		return text.isEmpty() ? null : text;
	}

	private static String textOf(Either<String, MarkedString> part) {
		return part.isLeft() ? part.getLeft() : part.getRight().getValue();
	}

	/** JFace shows hovers as plain text: the Markdown fences around signatures would show literally. */
	private static String withoutCodeFences(String markdown) {
		return markdown.lines().filter(line -> !line.startsWith("```")).collect(Collectors.joining("\n"));
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		return Words.identifierAt(viewer.getDocument(), offset);
	}
}
