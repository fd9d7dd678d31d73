package org.allo.lang.ui.editor;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.PopupDialog;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/** The popup of the quick outline: a tree of symbols; Enter or a double click goes to one. */
final class QuickOutline extends PopupDialog {

	private final List<DocumentSymbol> symbols;
	private final Consumer<DocumentSymbol> goTo;

	QuickOutline(Shell parent, List<DocumentSymbol> symbols, Consumer<DocumentSymbol> goTo) {
		super(parent, PopupDialog.INFOPOPUPRESIZE_SHELLSTYLE, true, true, false, false, false, "Allo outline", null);
		this.symbols = symbols;
		this.goTo = goTo;
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		TreeViewer tree = new TreeViewer(parent, SWT.SINGLE | SWT.H_SCROLL | SWT.V_SCROLL);
		tree.setContentProvider(new SymbolTree());
		tree.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				DocumentSymbol symbol = (DocumentSymbol) element;
				return symbol.getDetail() == null ? symbol.getName() : symbol.getName() + " : " + symbol.getDetail();
			}
		});
		tree.setInput(symbols);
		tree.expandAll();
		tree.addOpenListener(event -> {
			if (event.getSelection() instanceof IStructuredSelection selection
					&& selection.getFirstElement() instanceof DocumentSymbol symbol) {
				close();
				goTo.accept(symbol);
			}
		});
		return tree.getControl();
	}

	private static final class SymbolTree implements ITreeContentProvider {

		@Override
		public Object[] getElements(Object input) {
			return ((List<?>) input).toArray();
		}

		@Override
		public Object[] getChildren(Object parent) {
			List<DocumentSymbol> children = ((DocumentSymbol) parent).getChildren();
			return children == null ? new Object[0] : children.toArray();
		}

		@Override
		public Object getParent(Object element) {
			return null;
		}

		@Override
		public boolean hasChildren(Object element) {
			return getChildren(element).length > 0;
		}
	}
}
