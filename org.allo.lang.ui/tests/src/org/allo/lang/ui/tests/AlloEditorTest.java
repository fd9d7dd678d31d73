package org.allo.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.allo.lang.ui.editor.AlloContentAssist;
import org.allo.lang.ui.editor.AlloHover;
import org.allo.lang.ui.editor.DefinitionHyperlinks;
import org.allo.lang.ui.editor.TokenStyles;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.ISourceViewerExtension3;
import org.eclipse.jface.text.source.TextInvocationContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Allo editor in a running workbench: each feature through the editor the file opens in. */
class AlloEditorTest {

	private static final String PROBLEM = "org.allo.lang.ui.problem";

	private static IProject project;

	@BeforeAll
	static void createProject() throws CoreException {
		project = Workbench.project("allo-editor");
	}

	@AfterEach
	void closeEditors() {
		org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().closeAllEditors(false);
	}

	@Test
	void allo_files_open_in_the_generic_editor() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.file(project, "gemm.allo", "generic.allo"));

		assertEquals("org.eclipse.ui.genericeditor.GenericEditor", editor.getSite().getId());
	}

	@Test
	void highlighting_follows_the_semantic_tokens() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.file(project, "gemm.allo", "highlight.allo"));
		String text = Workbench.document(editor).get();
		StyledText widget = Workbench.text(editor);
		int def = text.indexOf("def gemm");

		assertTrue(Workbench.waitFor(() -> colorAt(widget, def) != null), "no highlighting on 'def'");
		assertStyle(widget, def, "def".length(), "keyword", SWT.BOLD);
		assertStyle(widget, text.indexOf("return"), "return".length(), "keyword", SWT.BOLD);
		assertStyle(widget, def + "def ".length(), "gemm".length(), "function", SWT.NORMAL);
		assertStyle(widget, text.indexOf("16"), 2, "number", SWT.NORMAL);
		assertStyle(widget, text.indexOf("\"C\""), 3, "string", SWT.NORMAL);
		assertEquals(null, colorAt(widget, def + "def".length()), "the blank after 'def' has no token");

		screenshot(editor.getSite().getShell());
	}

	@Test
	void an_unknown_loop_is_an_error_marker_on_its_string() throws Exception {
		IFile file = Workbench.file(project, "typo.allo", "marker.allo");
		ITextEditor editor = Workbench.open(file);
		int string = Workbench.document(editor).get().indexOf("\"coll\"");

		assertTrue(Workbench.waitFor(() -> problems(file).length > 0), "no problem marker");
		IMarker[] markers = problems(file);
		assertEquals(1, markers.length, () -> Arrays.toString(messages(markers)));
		IMarker marker = markers[0];
		assertEquals(IssueCodes.UNKNOWN_LOOP, marker.getAttribute("code", ""));
		assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
		assertEquals(14, marker.getAttribute(IMarker.LINE_NUMBER, -1));
		assertEquals(string, marker.getAttribute(IMarker.CHAR_START, -1));
		assertEquals(string + "\"coll\"".length(), marker.getAttribute(IMarker.CHAR_END, -1));
		assertTrue(marker.getAttribute(IMarker.MESSAGE, "").contains("did you mean 'col'?"), marker.getAttribute(IMarker.MESSAGE, ""));
	}

	@Test
	void content_assist_proposes_the_schedule_primitives() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.file(project, "gemm.allo", "assist.allo"));
		IDocument document = Workbench.document(editor);
		int end = document.getLength();
		document.replace(end, 0, "s.re");

		ICompletionProposal[] proposals = new AlloContentAssist().computeCompletionProposals(Workbench.viewer(editor),
				document.getLength());

		List<String> labels = Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList();
		assertTrue(labels.stream().anyMatch(label -> label.startsWith("reorder")), labels::toString);
		assertTrue(labels.stream().anyMatch(label -> label.startsWith("reshape")), labels::toString);
		ICompletionProposal reorder = Arrays.stream(proposals).filter(p -> p.getDisplayString().startsWith("reorder"))
				.findFirst().orElseThrow();
		reorder.apply(document);
		assertTrue(document.get().endsWith("\ns.reorder(\"axes\")"), document.get());
	}

	@Test
	void hover_shows_the_kernel_signature_and_its_loops() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.file(project, "gemm.allo", "hover.allo"));
		int gemm = Workbench.document(editor).get().indexOf("def gemm") + "def g".length();

		String hover = new AlloHover().getHoverInfo(Workbench.viewer(editor), new Region(gemm, 0));

		assertNotNull(hover);
		assertTrue(hover.contains("def gemm(A: int32[M, K], B: int32[K, N]) -> int32[M, N]"), hover);
		assertTrue(hover.contains("loops: i, j, k"), hover);
		assertTrue(!hover.contains("```"), "Markdown fences are removed: " + hover);
	}

	@Test
	void a_hyperlink_goes_to_the_declaration() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.file(project, "gemm.allo", "link.allo"));
		String text = Workbench.document(editor).get();
		int use = text.indexOf("customize(gemm)") + "customize(g".length();

		IHyperlink[] links = new DefinitionHyperlinks().detectHyperlinks(Workbench.viewer(editor), new Region(use, 0), false);

		assertNotNull(links, "no hyperlink on the use of gemm");
		assertEquals(1, links.length);
		assertEquals(text.indexOf("customize(gemm)") + "customize(".length(), links[0].getHyperlinkRegion().getOffset());
		links[0].open();
		ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
		assertEquals(text.indexOf("def gemm") + "def ".length(), selection.getOffset());
		assertEquals("gemm".length(), selection.getLength());
	}

	@Test
	void the_quick_fix_takes_the_suggested_loop_and_the_marker_goes() throws Exception {
		IFile file = Workbench.file(project, "typo.allo", "fix.allo");
		ITextEditor editor = Workbench.open(file);
		IDocument document = Workbench.document(editor);
		int inString = document.get().indexOf("\"coll\"") + 1;
		assertTrue(Workbench.waitFor(() -> problems(file).length > 0), "no problem marker");
		ISourceViewer viewer = Workbench.viewer(editor);

		// Through the editor's own quick-assist assistant (Ctrl+1): it asks the registered processors.
		IQuickAssistProcessor editorProcessor = ((ISourceViewerExtension3) viewer).getQuickAssistAssistant().getQuickAssistProcessor();
		ICompletionProposal[] fixes = editorProcessor.computeQuickAssistProposals(new TextInvocationContext(viewer, inString, 0));

		assertEquals(1, fixes.length, () -> Arrays.toString(Arrays.stream(fixes).map(ICompletionProposal::getDisplayString).toArray()));
		assertEquals("Change to 'col'", fixes[0].getDisplayString());
		fixes[0].apply(document);
		assertTrue(document.get().endsWith("\ns.pipeline(\"col\")\n"), document.get());
		assertTrue(Workbench.waitFor(() -> problems(file).length == 0), () -> Arrays.toString(messages(problems(file))));
	}

	@Test
	void the_format_command_formats_the_editor_as_allo_fmt_does() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.file(project, "unformatted.allo", "format.allo"));

		editor.getSite().getService(IHandlerService.class).executeCommand("org.allo.lang.ui.format", null);

		assertEquals("from allo.ir.types import int32\n\n\ndef add(a: int32, b: int32) -> int32:\n    return a + b\n",
				Workbench.document(editor).get());
		assertTrue(editor.isDirty(), "formatting is an edit to save");
	}

	@Test
	void show_ir_shows_the_ir_after_the_step_under_the_caret() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.file(project, "gemm.allo", "ir.allo"));
		editor.selectAndReveal(Workbench.document(editor).get().indexOf("s.pipeline") + 2, 0);
		List<Shell> before = List.of(Display.getCurrent().getShells());

		editor.getSite().getService(IHandlerService.class).executeCommand("org.allo.lang.ui.showIr", null);

		Shell window = newShell(before);
		try {
			assertEquals("IR of gemm after step 2 (pipeline)", window.getText());
			String ir = Workbench.textsOf(window);
			assertTrue(ir.contains("for i_outer in range(4):  # loop i.outer; band C"), ir);
			assertTrue(ir.contains("for i_inner in range(4):  # loop i.inner; band C; pipeline II=1"), ir);
		} finally {
			window.close();
		}
	}

	@Test
	void the_quick_outline_lists_kernels_and_schedules() throws Exception {
		ITextEditor editor = Workbench.open(Workbench.file(project, "gemm.allo", "outline.allo"));
		List<Shell> before = List.of(Display.getCurrent().getShells());

		editor.getSite().getService(IHandlerService.class).executeCommand("org.allo.lang.ui.quickOutline", null);

		Shell popup = newShell(before);
		try {
			List<String> items = Workbench.treeItemsOf(popup);
			assertEquals(List.of("gemm : kernel", "C : band", "i : loop", "j : loop", "k : loop", "s : schedule of gemm",
					"1. split : (\"i\", factor=4)", "2. pipeline : (\"i.inner\")"), items);
		} finally {
			popup.close();
		}
	}

	/** The one shell that a command opened. */
	private static Shell newShell(List<Shell> before) {
		List<Shell> opened = Arrays.stream(Display.getCurrent().getShells()).filter(shell -> !before.contains(shell))
				.filter(shell -> !shell.isDisposed() && shell.isVisible()).toList();
		assertEquals(1, opened.size(), () -> "shells opened: " + opened.stream().map(Shell::getText).toList());
		return opened.get(0);
	}

	private static void assertStyle(StyledText widget, int offset, int length, String tokenType, int fontStyle) {
		for (int i = offset; i < offset + length; i++) {
			StyleRange style = widget.getStyleRangeAtOffset(i);
			assertNotNull(style, "no style at " + i);
			assertEquals(TokenStyles.colorOf(tokenType), style.foreground, tokenType + " colour at " + i);
			assertEquals(fontStyle, style.fontStyle, tokenType + " font style at " + i);
		}
	}

	private static Object colorAt(StyledText widget, int offset) {
		StyleRange style = widget.getStyleRangeAtOffset(offset);
		return style == null ? null : style.foreground;
	}

	private static IMarker[] problems(IFile file) {
		try {
			return file.findMarkers(PROBLEM, false, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String[] messages(IMarker[] markers) {
		return Arrays.stream(markers).map(marker -> marker.getAttribute(IMarker.MESSAGE, "")).toArray(String[]::new);
	}

	/** The workbench window as the test left it, for a look at what the editor showed. */
	private static void screenshot(Shell shell) throws IOException {
		String target = System.getProperty("allo.screenshot");
		if (target == null) {
			return;
		}
		Display display = shell.getDisplay();
		shell.forceActive();
		while (display.readAndDispatch()) {
			// paints what the test changed before the screen is read
		}
		shell.update();
		Rectangle bounds = shell.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, bounds.x, bounds.y);
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			Files.createDirectories(Path.of(target).getParent());
			loader.save(target, SWT.IMAGE_PNG);
		} finally {
			gc.dispose();
			image.dispose();
		}
	}
}
