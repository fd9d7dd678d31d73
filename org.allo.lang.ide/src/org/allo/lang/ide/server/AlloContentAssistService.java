package org.allo.lang.ide.server;

import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.contentassist.ContentAssistService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/** Xtext's completion, with positions computed through a line index ({@link IndexedDocument}). */
public class AlloContentAssistService extends ContentAssistService {

	@Override
	public CompletionList createCompletionList(Document document, XtextResource resource, CompletionParams params,
			CancelIndicator cancelIndicator) {
		return super.createCompletionList(new IndexedDocument(document), resource, params, cancelIndicator);
	}
}
