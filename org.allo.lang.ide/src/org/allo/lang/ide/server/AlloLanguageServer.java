package org.allo.lang.ide.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.allo.lang.ide.format.AlloFormatter;
import org.allo.lang.ide.ir.IrView;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpOptions;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Inject;

/**
 * Xtext's language server with Allo's additions: capabilities limited to what answers something,
 * semantic tokens for ranges too, and the {@code allo/showIr} request behind the IR code lens.
 */
public class AlloLanguageServer extends LanguageServerImpl {

	@Inject
	private ParentProcessWatch parentProcessWatch;

	@Inject
	private UriExtensions uriExtensions;

	@Override
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		if (params.getProcessId() != null) {
			parentProcessWatch.watch(params.getProcessId());
		}
		return super.initialize(params);
	}

	@Override
	protected ServerCapabilities createServerCapabilities(InitializeParams params) {
		ServerCapabilities capabilities = super.createServerCapabilities(params);
		SemanticTokensWithRegistrationOptions tokens = new SemanticTokensWithRegistrationOptions(
				new SemanticTokensLegend(SemanticTokenizer.TOKEN_TYPES, SemanticTokenizer.TOKEN_MODIFIERS));
		tokens.setFull(true);
		tokens.setRange(true);
		capabilities.setSemanticTokensProvider(tokens);
		// '"' opens a schedule string, where the loops, tensors and kernels are proposed.
		capabilities.getCompletionProvider().setTriggerCharacters(List.of(".", "\""));
		capabilities.setSignatureHelpProvider(new SignatureHelpOptions(List.of("(", ",")));
		capabilities.setCodeActionProvider(true);
		capabilities.setInlayHintProvider(true);
		capabilities.setDocumentFormattingProvider(true);
		capabilities.setDocumentRangeFormattingProvider(false);
		capabilities.setFoldingRangeProvider(true);
		// Whether or not the client declares executeCommand support: the step lenses need the command.
		capabilities.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(VerifyUpToHere.COMMAND)));
		return capabilities;
	}

	/** In source order, as {@code allo check} prints them (the validators report topic by topic). */
	@Override
	protected List<Diagnostic> toDiagnostics(Iterable<? extends Issue> issues) {
		List<Diagnostic> diagnostics = new ArrayList<>(super.toDiagnostics(issues));
		diagnostics.sort(Comparator.comparingInt((Diagnostic d) -> d.getRange().getStart().getLine())
				.thenComparingInt(d -> d.getRange().getStart().getCharacter()));
		return diagnostics;
	}

	/** The codes users see are those of {@code allo check}: {@code allo.link}, not a Java class name. */
	@Override
	protected Diagnostic toDiagnostic(Issue issue) {
		Diagnostic diagnostic = super.toDiagnostic(issue);
		diagnostic.setCode(org.allo.lang.validation.Diagnostic.of(issue).code());
		diagnostic.setSource("allo");
		return diagnostic;
	}

	/** Schedule completion first (alone inside a schedule string or after {@code s.}), then Xtext's. */
	@Override
	protected Either<List<CompletionItem>, CompletionList> completion(CancelIndicator cancelIndicator,
			CompletionParams params) {
		ScheduleCompletion.Proposals ours = getWorkspaceManager().doRead(getURI(params), (document, resource) -> service(
				resource, ScheduleCompletion.class).at(document, resource, document.getOffSet(params.getPosition())));
		if (ours.exclusive()) {
			return Either.forRight(new CompletionList(false, ours.items()));
		}
		Either<List<CompletionItem>, CompletionList> theirs = super.completion(cancelIndicator, params);
		List<CompletionItem> items = new ArrayList<>(ours.items());
		items.addAll(theirs.isRight() ? theirs.getRight().getItems() : theirs.getLeft());
		return Either.forRight(new CompletionList(theirs.isRight() && theirs.getRight().isIncomplete(), items));
	}

	/** On a schedule string, the declaration of what it names; elsewhere what Xtext links. */
	@Override
	protected List<? extends Location> definition(CancelIndicator cancelIndicator, DefinitionParams params) {
		List<Location> declaration = getWorkspaceManager().doRead(getURI(params), (document, resource) -> {
			StringReferences references = stringReferences(resource);
			ScheduleStrings.Part part = references.stringPartAt(resource, document.getOffSet(params.getPosition()));
			if (part == null) {
				return null;
			}
			EObject target = references.declarationOf(part.target());
			return target == null ? List.<Location>of() : List.of(locationOf(target));
		});
		return declaration != null ? declaration : super.definition(cancelIndicator, params);
	}

	/** Xtext's references plus the schedule strings naming the same loop, tensor or kernel. */
	@Override
	protected List<? extends Location> references(ReferenceParams params, CancelIndicator cancelIndicator) {
		ReferenceParams retargeted = new ReferenceParams(params.getTextDocument(), retarget(params), params.getContext());
		List<Location> result = new ArrayList<>(super.references(retargeted, cancelIndicator));
		for (Range range : stringRanges(params)) {
			result.add(new Location(params.getTextDocument().getUri(), range));
		}
		return result;
	}

	@Override
	protected List<? extends DocumentHighlight> documentHighlight(DocumentHighlightParams params,
			CancelIndicator cancelIndicator) {
		DocumentHighlightParams retargeted = new DocumentHighlightParams(params.getTextDocument(), retarget(params));
		List<DocumentHighlight> result = new ArrayList<>(super.documentHighlight(retargeted, cancelIndicator));
		for (Range range : stringRanges(params)) {
			result.add(new DocumentHighlight(range, DocumentHighlightKind.Text));
		}
		result.sort(Comparator.comparingInt((DocumentHighlight h) -> h.getRange().getStart().getLine())
				.thenComparingInt(h -> h.getRange().getStart().getCharacter()));
		return result;
	}

	/**
	 * Renames at every place {@link #references} finds (declaration, links, schedule strings), so
	 * that loops and tensors named in schedules follow. Names of the standard library stay.
	 */
	@Override
	protected WorkspaceEdit rename(RenameParams params, CancelIndicator cancelIndicator) {
		ReferenceParams all = new ReferenceParams(params.getTextDocument(), params.getPosition(), new ReferenceContext(true));
		boolean library = getWorkspaceManager().doRead(getURI(params), (document, resource) -> {
			StringReferences references = stringReferences(resource);
			EObject declaration = references.declarationOf(references.targetAt(resource, document.getOffSet(params.getPosition())));
			return declaration != null && declaration.eResource() != null && !declaration.eResource().getURI().isFile();
		});
		if (library) {
			throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest,
					"names of the standard library cannot be renamed", null));
		}
		Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
		for (Location location : references(all, cancelIndicator)) {
			changes.computeIfAbsent(location.getUri(), key -> new ArrayList<>())
					.add(new TextEdit(location.getRange(), params.getNewName()));
		}
		return new WorkspaceEdit(changes);
	}

	@Override
	protected Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> prepareRename(PrepareRenameParams params,
			CancelIndicator cancelIndicator) {
		Range stringPart = getWorkspaceManager().doRead(getURI(params), (document, resource) -> {
			ScheduleStrings.Part part = stringReferences(resource).stringPartAt(resource, document.getOffSet(params.getPosition()));
			return part == null || !(part.target() instanceof EObject) ? null : StringReferences.rangeOf(document, part.region());
		});
		return stringPart != null ? Either3.forFirst(stringPart) : super.prepareRename(params, cancelIndicator);
	}

	/** From a schedule string to the name it refers to when that is declared in the same file. */
	private Position retarget(TextDocumentPositionParams params) {
		return getWorkspaceManager().doRead(getURI(params), (document, resource) -> {
			StringReferences references = stringReferences(resource);
			ScheduleStrings.Part part = references.stringPartAt(resource, document.getOffSet(params.getPosition()));
			EObject declaration = part == null ? null : references.declarationOf(part.target());
			if (declaration == null || declaration.eResource() != resource) {
				return params.getPosition();
			}
			return document.getPosition(references.nameRegionOf(declaration).getOffset());
		});
	}

	private List<Range> stringRanges(TextDocumentPositionParams params) {
		return getWorkspaceManager().doRead(getURI(params), (document, resource) -> {
			StringReferences references = stringReferences(resource);
			Object target = references.targetAt(resource, document.getOffSet(params.getPosition()));
			return references.stringRanges(document, resource, target);
		});
	}

	private Location locationOf(EObject declaration) {
		XtextResource resource = (XtextResource) declaration.eResource();
		Document document = new Document(1, resource.getParseResult().getRootNode().getText());
		Range range = StringReferences.rangeOf(document, stringReferences(resource).nameRegionOf(declaration));
		return new Location(uriExtensions.toUriString(resource.getURI()), range);
	}

	private static StringReferences stringReferences(XtextResource resource) {
		return service(resource, StringReferences.class);
	}

	/** A service of the language (its injector), not of the server. */
	private static <T> T service(XtextResource resource, Class<T> type) {
		return resource.getResourceServiceProvider().get(type);
	}

	/** The outline: kernels with bands and loops, schedules with steps (flattened for clients without hierarchy). */
	@Override
	public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
		return getRequestManager().runRead(cancelIndicator -> getWorkspaceManager().doRead(getURI(params.getTextDocument()),
				(document, resource) -> {
					List<DocumentSymbol> symbols = service(resource, AlloSymbols.class).documentSymbols(document, resource);
					List<Either<SymbolInformation, DocumentSymbol>> result = new ArrayList<>();
					if (isHierarchicalDocumentSymbolSupport()) {
						symbols.forEach(symbol -> result.add(Either.forRight(symbol)));
					} else {
						flatten(params.getTextDocument().getUri(), symbols, null, result);
					}
					return result;
				}));
	}

	private static void flatten(String uri, List<DocumentSymbol> symbols, String container,
			List<Either<SymbolInformation, DocumentSymbol>> result) {
		for (DocumentSymbol symbol : symbols) {
			result.add(Either.forLeft(new SymbolInformation(symbol.getName(), symbol.getKind(),
					new Location(uri, symbol.getRange()), container)));
			if (symbol.getChildren() != null) {
				flatten(uri, symbol.getChildren(), symbol.getName(), result);
			}
		}
	}

	/** Workspace symbols: the top-level kernels and the schedules of every file the index holds. */
	@Override
	protected List<? extends WorkspaceSymbol> symbol(WorkspaceSymbolParams params, CancelIndicator cancelIndicator) {
		String query = params.getQuery() == null ? "" : params.getQuery().toLowerCase(java.util.Locale.ROOT);
		List<WorkspaceSymbol> result = new ArrayList<>();
		for (IResourceDescription description : getWorkspaceManager().getIndex().getAllResourceDescriptions()) {
			URI uri = description.getURI();
			if (!uri.isFile() || !"allo".equals(uri.fileExtension())) {
				continue;
			}
			String uriText = uriExtensions.toUriString(uri);
			List<DocumentSymbol> symbols = getWorkspaceManager().doRead(uri,
					(document, resource) -> service(resource, AlloSymbols.class).documentSymbols(document, resource));
			for (DocumentSymbol symbol : symbols) {
				if (symbol.getName().toLowerCase(java.util.Locale.ROOT).contains(query)) {
					result.add(new WorkspaceSymbol(symbol.getName(), symbol.getKind(),
							Either.forLeft(new Location(uriText, symbol.getSelectionRange())), symbol.getDetail()));
				}
			}
		}
		return result;
	}

	@Override
	protected SignatureHelp signatureHelp(SignatureHelpParams params, CancelIndicator cancelIndicator) {
		return getWorkspaceManager().doRead(getURI(params), (document, resource) -> service(resource,
				PrimitiveSignatures.class).at(document, resource, document.getOffSet(params.getPosition())));
	}

	/** Quick fixes for the diagnostics the client sends along. */
	@Override
	protected List<Either<Command, CodeAction>> codeAction(CodeActionParams params, CancelIndicator cancelIndicator) {
		String uri = params.getTextDocument().getUri();
		return getWorkspaceManager().doRead(getURI(params.getTextDocument()), (document, resource) -> {
			List<Either<Command, CodeAction>> actions = new ArrayList<>();
			for (Diagnostic diagnostic : params.getContext().getDiagnostics()) {
				for (CodeAction fix : service(resource, QuickFixes.class).fixes(document, uri, diagnostic)) {
					actions.add(Either.forRight(fix));
				}
			}
			return actions;
		});
	}

	@Override
	public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
		return getRequestManager().runRead(cancelIndicator -> getWorkspaceManager().doRead(getURI(params.getTextDocument()),
				(document, resource) -> service(resource, InlayHints.class).in(document, resource, params.getRange())));
	}

	@Override
	protected List<FoldingRange> foldingRange(FoldingRangeRequestParams params, CancelIndicator cancelIndicator) {
		return getWorkspaceManager().doRead(getURI(params.getTextDocument()),
				(document, resource) -> service(resource, FoldingRanges.class).of(resource));
	}

	/** The whole document as {@link AlloFormatter} writes it; nothing while it has syntax errors. */
	@Override
	protected List<? extends TextEdit> formatting(DocumentFormattingParams params, CancelIndicator cancelIndicator) {
		return getWorkspaceManager().doRead(getURI(params.getTextDocument()), (document, resource) -> {
			if (resource.getParseResult() == null || resource.getParseResult().hasSyntaxErrors()) {
				return List.of();
			}
			return TextEdits.between(document, AlloFormatter.format(document.getContents()));
		});
	}

	@Override
	protected SemanticTokens semanticTokensFull(SemanticTokensParams params, CancelIndicator cancelIndicator) {
		URI uri = getURI(params.getTextDocument());
		return getWorkspaceManager().doRead(uri, (document, resource) -> service(resource, SemanticTokenizer.class).tokens(document, resource, null));
	}

	@Override
	public CompletableFuture<SemanticTokens> semanticTokensRange(SemanticTokensRangeParams params) {
		return getRequestManager().runRead(cancelIndicator -> getWorkspaceManager().doRead(
				getURI(params.getTextDocument()),
				(document, resource) -> service(resource, SemanticTokenizer.class).tokens(document, resource, params.getRange())));
	}

	/**
	 * {@code allo.verifyUpTo [uri, position]}: "Verify up to here" on a read thread, so that the
	 * server goes on answering; an edit of the file or a cancel request stops it. The verdict is
	 * also shown as a message, for clients that only run the lens's command.
	 */
	@Override
	public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
		if (!VerifyUpToHere.COMMAND.equals(params.getCommand())) {
			return super.executeCommand(params);
		}
		CommandArguments place = CommandArguments.of(params);
		return getRequestManager().runRead(cancelIndicator -> {
			VerifyUpToHere.Result result = getWorkspaceManager().doRead(getURI(place.document()), (document, resource) -> service(resource,
					VerifyUpToHere.class).at(resource, document.getOffSet(place.position()), cancelIndicator));
			getLanguageClient().showMessage(new MessageParams(result.messageType(), result.title() + ": " + result.message()));
			return result;
		});
	}

	/**
	 * {@code allo/showIr}: the IR at a place (after the schedule step under the cursor, or of the
	 * kernel under it), as the code lens on each step and the Eclipse editor show it.
	 */
	@JsonRequest("allo/showIr")
	public CompletableFuture<IrView.Shown> showIr(TextDocumentPositionParams params) {
		return getRequestManager().runRead(cancelIndicator -> getWorkspaceManager().doRead(
				getURI(params.getTextDocument()),
				(document, resource) -> resource.getResourceServiceProvider().get(IrView.class).at(resource,
						document.getOffSet(params.getPosition()))));
	}
}
