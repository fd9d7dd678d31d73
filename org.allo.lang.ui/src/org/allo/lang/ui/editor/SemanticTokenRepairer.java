package org.allo.lang.ui.editor;

import java.util.List;

import org.allo.lang.ide.server.SemanticTokenizer;
import org.allo.lang.ui.AlloUiPlugin;
import org.allo.lang.ui.server.InProcessServer;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.presentation.IPresentationDamager;
import org.eclipse.jface.text.presentation.IPresentationRepairer;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;

/**
 * Styles a document from its semantic tokens. Every edit damages the whole document: the meaning
 * of a name (and so its colour) can change with an edit anywhere, e.g. a new declaration.
 */
final class SemanticTokenRepairer implements IPresentationDamager, IPresentationRepairer {

	private IDocument document;

	@Override
	public void setDocument(IDocument document) {
		this.document = document;
	}

	@Override
	public IRegion getDamageRegion(ITypedRegion partition, DocumentEvent event, boolean documentPartitioningChanged) {
		return new Region(0, event.getDocument().getLength());
	}

	@Override
	public void createPresentation(TextPresentation presentation, ITypedRegion damage) {
		EditedSource source = EditedSource.of(document);
		if (source == null) {
			return;
		}
		SemanticTokens tokens;
		try {
			tokens = InProcessServer.await(source.server().api().semanticTokensFull(new SemanticTokensParams(source.id())));
		} catch (IllegalStateException e) {
			// The editor stays usable (plain text); the reason goes to the Error Log.
			AlloUiPlugin.getDefault().getLog().error("no highlighting for " + source.file().getFullPath(), e);
			return;
		}
		addStyles(presentation, damage, tokens.getData());
	}

	/** Tokens come as (line delta, start delta, length, type, modifiers) quintuples, in order. */
	private void addStyles(TextPresentation presentation, IRegion damage, List<Integer> data) {
		int line = 0;
		int character = 0;
		for (int i = 0; i + 4 < data.size(); i += 5) {
			int lineDelta = data.get(i);
			line += lineDelta;
			character = lineDelta == 0 ? character + data.get(i + 1) : data.get(i + 1);
			String type = SemanticTokenizer.TOKEN_TYPES.get(data.get(i + 3));
			try {
				int offset = document.getLineOffset(line) + character;
				int length = data.get(i + 2);
				if (offset >= damage.getOffset() && offset + length <= damage.getOffset() + damage.getLength()) {
					presentation.addStyleRange(TokenStyles.styleOf(type, data.get(i + 4), offset, length));
				}
			} catch (BadLocationException e) {
				return;
			}
		}
	}
}
