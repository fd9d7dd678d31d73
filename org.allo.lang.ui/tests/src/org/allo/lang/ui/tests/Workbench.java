package org.allo.lang.ui.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.osgi.framework.FrameworkUtil;

/** The workbench the tests drive: projects with files from resources/, editors, and waiting for UI events. */
final class Workbench {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private Workbench() {
	}

	static IProject project(String name) throws CoreException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		return project;
	}

	/** {@code resources/RESOURCE} of this bundle copied into {@code project} as {@code name}. */
	static IFile file(IProject project, String resource, String name) throws CoreException, IOException {
		IFile file = project.getFile(name);
		try (InputStream in = FrameworkUtil.getBundle(Workbench.class).getEntry("resources/" + resource).openStream()) {
			byte[] content = in.readAllBytes();
			if (file.exists()) {
				file.setContents(new ByteArrayInputStream(content), true, false, null);
			} else {
				file.create(new ByteArrayInputStream(content), true, null);
			}
		}
		return file;
	}

	static ITextEditor open(IFile file) throws PartInitException {
		IEditorPart editor = IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
		return (ITextEditor) editor;
	}

	static IDocument document(ITextEditor editor) {
		return editor.getDocumentProvider().getDocument(editor.getEditorInput());
	}

	/** The editor's viewer: a text editor's operation target is its source viewer. */
	static ISourceViewer viewer(ITextEditor editor) {
		return (ISourceViewer) editor.getAdapter(ITextOperationTarget.class);
	}

	static StyledText text(ITextEditor editor) {
		return (StyledText) editor.getAdapter(Control.class);
	}

	/** The text of every Text widget under {@code parent}, one after another. */
	static String textsOf(Composite parent) {
		StringBuilder texts = new StringBuilder();
		for (Control child : parent.getChildren()) {
			if (child instanceof Text text) {
				texts.append(text.getText()).append('\n');
			} else if (child instanceof Composite composite) {
				texts.append(textsOf(composite));
			}
		}
		return texts.toString();
	}

	/** The labels of the (expanded) tree under {@code parent}, depth first. */
	static List<String> treeItemsOf(Composite parent) {
		List<String> labels = new ArrayList<>();
		for (Control child : parent.getChildren()) {
			if (child instanceof Tree tree) {
				addItems(tree.getItems(), labels);
			} else if (child instanceof Composite composite) {
				labels.addAll(treeItemsOf(composite));
			}
		}
		return labels;
	}

	private static void addItems(TreeItem[] items, List<String> labels) {
		for (TreeItem item : items) {
			labels.add(item.getText());
			addItems(item.getItems(), labels);
		}
	}

	/** Runs the UI event loop until {@code condition} holds; false if it did not within a minute. */
	static boolean waitFor(BooleanSupplier condition) {
		Display display = Display.getCurrent();
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			if (!display.readAndDispatch()) {
				try {
					Thread.sleep(20);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
		}
		return true;
	}
}
