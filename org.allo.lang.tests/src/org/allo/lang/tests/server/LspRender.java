package org.allo.lang.tests.server;

import static org.allo.lang.tests.server.LspHarness.await;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.allo.lang.ide.server.AlloLanguageServer;
import org.allo.lang.ide.server.SemanticTokenizer;
import org.allo.lang.ide.server.VerifyUpToHere;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/** One request per feature folder at the cursor, and its answer as stable text. */
final class LspRender {

	private LspRender() {
	}

	static String answer(LspHarness lsp, String feature, String uri, Position cursor) {
		AlloLanguageServer server = lsp.server();
		TextDocumentIdentifier document = new TextDocumentIdentifier(uri);
		return switch (feature) {
		case "hover" -> hover(await(server.hover(new HoverParams(document, cursor))));
		case "definition" -> locations(await(server.definition(new DefinitionParams(document, cursor))).getLeft());
		case "references" -> locations(await(server.references(new ReferenceParams(document, cursor, new ReferenceContext(true)))));
		case "highlight" -> highlights(await(server.documentHighlight(new DocumentHighlightParams(document, cursor))));
		case "rename" -> rename(await(server.rename(new RenameParams(document, cursor, "renamed"))));
		case "completion" -> completion(await(server.completion(new CompletionParams(document, cursor))).getRight().getItems());
		case "symbols" -> symbols(await(server.documentSymbol(new DocumentSymbolParams(document))).stream().map(e -> e.getRight()).toList(), "");
		case "semantic-tokens" -> tokens(await(server.semanticTokensFull(new SemanticTokensParams(document))));
		case "semantic-tokens-range" -> tokens(await(server.semanticTokensRange(new SemanticTokensRangeParams(document,
				new Range(new Position(cursor.getLine(), 0), new Position(cursor.getLine() + 1, 0))))));
		case "code-lens" -> lenses(await(server.codeLens(new CodeLensParams(document))));
		case "show-ir" -> showIr(server, document, cursor);
		case "folding" -> folding(await(server.foldingRange(new FoldingRangeRequestParams(document))));
		case "signature-help" -> signatureHelp(await(server.signatureHelp(new SignatureHelpParams(document, cursor))));
		case "code-actions" -> codeActions(lsp, server, uri, cursor);
		case "inlay-hints" -> inlayHints(await(server.inlayHint(new InlayHintParams(document,
				new Range(new Position(0, 0), new Position(10_000, 0))))));
		case "verify-up-to" -> verifyUpTo(server, uri, cursor);
		case "workspace-symbols" -> workspaceSymbols(await(server.symbol(new WorkspaceSymbolParams(""))).getRight());
		default -> throw new IllegalArgumentException("no renderer for feature folder " + feature);
		};
	}

	static String range(Range range) {
		return (range.getStart().getLine() + 1) + ":" + (range.getStart().getCharacter() + 1) + "-"
				+ (range.getEnd().getLine() + 1) + ":" + (range.getEnd().getCharacter() + 1);
	}

	private static String hover(Hover hover) {
		if (hover == null || hover.getContents() == null) {
			return "(none)\n";
		}
		return range(hover.getRange()) + "\n" + hover.getContents().getRight().getValue() + "\n";
	}

	private static String locations(List<? extends Location> locations) {
		StringBuilder text = new StringBuilder();
		locations.stream().sorted(Comparator.comparing((Location l) -> l.getRange().getStart().getLine())
				.thenComparing(l -> l.getRange().getStart().getCharacter())).forEach(location -> text
						.append(location.getUri().substring(location.getUri().lastIndexOf('/') + 1)).append(' ')
						.append(range(location.getRange())).append('\n'));
		return text.toString();
	}

	private static String highlights(List<? extends DocumentHighlight> highlights) {
		StringBuilder text = new StringBuilder();
		for (DocumentHighlight highlight : highlights) {
			text.append(range(highlight.getRange())).append(' ').append(highlight.getKind()).append('\n');
		}
		return text.toString();
	}

	private static String rename(WorkspaceEdit edit) {
		List<TextEdit> edits = new ArrayList<>();
		if (edit.getDocumentChanges() != null) {
			edit.getDocumentChanges().forEach(change -> change.getLeft().getEdits().forEach(e -> edits.add(e.getLeft())));
		} else {
			edit.getChanges().values().forEach(edits::addAll);
		}
		edits.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
				.thenComparing(e -> e.getRange().getStart().getCharacter()));
		StringBuilder text = new StringBuilder();
		for (TextEdit textEdit : edits) {
			text.append(range(textEdit.getRange())).append(" -> ").append(textEdit.getNewText()).append('\n');
		}
		return text.toString();
	}

	/** The first items (Allo's own come first); the language-wide names after them only as a count. */
	private static String completion(List<CompletionItem> items) {
		StringBuilder text = new StringBuilder();
		int shown = Math.min(items.size(), 12);
		for (CompletionItem item : items.subList(0, shown)) {
			text.append(item.getLabel()).append(" (").append(item.getKind()).append(')');
			if (item.getDetail() != null) {
				text.append(" ").append(item.getDetail());
			}
			if (item.getTextEdit() != null && item.getTextEdit().isLeft()) {
				text.append(" => ").append(item.getTextEdit().getLeft().getNewText().replace("\n", "\\n"));
			} else if (item.getInsertText() != null) {
				text.append(" => ").append(item.getInsertText());
			}
			text.append('\n');
		}
		if (shown < items.size()) {
			text.append("... ").append(items.size() - shown).append(" more\n");
		}
		return text.toString();
	}

	private static String symbols(List<DocumentSymbol> symbols, String indent) {
		StringBuilder text = new StringBuilder();
		for (DocumentSymbol symbol : symbols) {
			text.append(indent).append(symbol.getName()).append(" (").append(symbol.getKind()).append(") ")
					.append(range(symbol.getSelectionRange()));
			if (symbol.getDetail() != null) {
				text.append(' ').append(symbol.getDetail());
			}
			text.append('\n');
			if (symbol.getChildren() != null) {
				text.append(symbols(symbol.getChildren(), indent + "  "));
			}
		}
		return text.toString();
	}

	private static String tokens(SemanticTokens tokens) {
		StringBuilder text = new StringBuilder();
		List<Integer> data = tokens.getData();
		int line = 0;
		int column = 0;
		for (int i = 0; i < data.size(); i += 5) {
			line += data.get(i);
			column = data.get(i) == 0 ? column + data.get(i + 1) : data.get(i + 1);
			text.append(line + 1).append(':').append(column + 1).append(" len ").append(data.get(i + 2)).append(' ')
					.append(SemanticTokenizer.TOKEN_TYPES.get(data.get(i + 3)));
			for (int bit = 0; bit < SemanticTokenizer.TOKEN_MODIFIERS.size(); bit++) {
				if ((data.get(i + 4) & (1 << bit)) != 0) {
					text.append(' ').append(SemanticTokenizer.TOKEN_MODIFIERS.get(bit));
				}
			}
			text.append('\n');
		}
		return text.toString();
	}

	private static String lenses(List<? extends CodeLens> lenses) {
		StringBuilder text = new StringBuilder();
		for (CodeLens lens : lenses) {
			text.append(range(lens.getRange())).append(' ').append(lens.getCommand().getTitle()).append(" [")
					.append(lens.getCommand().getCommand()).append("]\n");
		}
		return text.toString();
	}

	private static String showIr(AlloLanguageServer server, TextDocumentIdentifier document, Position cursor) {
		var shown = await(server.showIr(new TextDocumentPositionParams(document, cursor)));
		return "# " + shown.title() + "\n" + shown.text();
	}

	private static String signatureHelp(SignatureHelp help) {
		if (help == null || help.getSignatures() == null || help.getSignatures().isEmpty()) {
			return "(none)\n";
		}
		SignatureInformation signature = help.getSignatures().get(0);
		return signature.getLabel() + "\nactive parameter: "
				+ signature.getParameters().get(help.getActiveParameter()).getLabel().getLeft() + "\n"
				+ signature.getDocumentation().getRight().getValue() + "\n";
	}

	/** The fixes for the diagnostics on the cursor's line, each with its edits. */
	private static String codeActions(LspHarness lsp, AlloLanguageServer server, String uri, Position cursor) {
		List<Diagnostic> onLine = lsp.diagnostics(uri).stream()
				.filter(d -> d.getRange().getStart().getLine() == cursor.getLine()).toList();
		CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), new Range(cursor, cursor),
				new CodeActionContext(onLine));
		StringBuilder text = new StringBuilder();
		for (var action : await(server.codeAction(params))) {
			CodeAction fix = action.getRight();
			text.append(fix.getTitle()).append(" [").append(fix.getKind()).append("]\n");
			for (TextEdit edit : fix.getEdit().getChanges().get(uri)) {
				text.append("  ").append(range(edit.getRange())).append(" -> ").append(edit.getNewText().replace("\n", "\\n"))
						.append('\n');
			}
		}
		return text.toString();
	}

	private static String inlayHints(List<InlayHint> hints) {
		StringBuilder text = new StringBuilder();
		for (InlayHint hint : hints) {
			text.append(hint.getPosition().getLine() + 1).append(':').append(hint.getPosition().getCharacter() + 1).append(' ')
					.append(hint.getLabel().getLeft()).append('\n');
		}
		return text.toString();
	}

	/** The command's answer without the operation counts and times, which vary from run to run. */
	private static String verifyUpTo(AlloLanguageServer server, String uri, Position cursor) {
		VerifyUpToHere.Result result = (VerifyUpToHere.Result) await(
				server.executeCommand(new ExecuteCommandParams(VerifyUpToHere.COMMAND, List.of(uri, cursor))));
		StringBuilder text = new StringBuilder("# " + result.title() + "\n" + result.kind() + " (" + result.messageType() + ")\n");
		if (result.steps().isEmpty()) {
			text.append(result.message()).append('\n');
		}
		result.steps().forEach(step -> text.append(withoutStatistics(step)).append('\n'));
		if (result.counterexample() != null) {
			text.append(result.counterexample()).append('\n');
		}
		return text.toString();
	}

	private static String withoutStatistics(String line) {
		return line.replaceAll(" \\([0-9.]+[KM]? ops, [0-9.]+ s\\)", "");
	}

	private static String workspaceSymbols(List<? extends WorkspaceSymbol> symbols) {
		StringBuilder text = new StringBuilder();
		symbols.stream().sorted(Comparator.comparing(WorkspaceSymbol::getName)).forEach(symbol -> text.append(symbol.getName())
				.append(" (").append(symbol.getKind()).append(") ").append(range(symbol.getLocation().getLeft().getRange()))
				.append('\n'));
		return text.toString();
	}

	private static String folding(List<FoldingRange> ranges) {
		StringBuilder text = new StringBuilder();
		for (FoldingRange range : ranges) {
			text.append(range.getStartLine() + 1).append('-').append(range.getEndLine() + 1);
			if (range.getKind() != null) {
				text.append(' ').append(range.getKind());
			}
			text.append('\n');
		}
		return text.toString();
	}
}
