package org.allo.lang.ide.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Statement;
import org.allo.lang.schedule.LoopTable;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.ScheduleSteps.Step;
import org.allo.lang.scoping.Names;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;

/**
 * The outline: kernels with their bands (and the loops of each) and nested kernels, schedules with
 * their steps. Workspace symbols are the kernels and schedules only.
 */
public class AlloSymbols {

	@Inject
	private ILocationInFileProvider locations;

	public List<DocumentSymbol> documentSymbols(Document document, XtextResource resource) {
		List<DocumentSymbol> symbols = new ArrayList<>();
		if (resource.getParseResult() == null || !(resource.getContents().get(0) instanceof Module module)) {
			return symbols;
		}
		for (Statement statement : module.getStatements()) {
			if (statement instanceof FunctionDef kernel && kernel.getName() != null) {
				symbols.add(kernel(document, kernel));
			}
		}
		for (Schedule schedule : ScheduleSteps.of(module)) {
			symbols.add(schedule(document, schedule));
		}
		symbols.sort((a, b) -> Integer.compare(a.getRange().getStart().getLine(), b.getRange().getStart().getLine()));
		return symbols;
	}

	private DocumentSymbol kernel(Document document, FunctionDef kernel) {
		List<DocumentSymbol> children = new ArrayList<>();
		LoopTable table = LoopTable.of(kernel);
		for (Map.Entry<String, EObject> band : table.bands().entrySet()) {
			List<DocumentSymbol> loops = new ArrayList<>();
			for (LoopTable.Loop loop : table.loops()) {
				if (loop.band().equals(band.getKey())) {
					loops.add(symbol(document, loop.name(), SymbolKind.Variable, "loop", loop.var(), loop.var()));
				}
			}
			DocumentSymbol symbol = symbol(document, band.getKey(), SymbolKind.Struct, "band", band.getValue(), band.getValue());
			symbol.setChildren(loops);
			children.add(symbol);
		}
		for (FunctionDef inner : EcoreUtil2.typeSelect(kernel.getBody() == null ? List.of() : kernel.getBody().getStatements(),
				FunctionDef.class)) {
			children.add(kernel(document, inner));
		}
		DocumentSymbol symbol = symbol(document, kernel.getName(), SymbolKind.Function, "kernel", kernel, kernel);
		symbol.setChildren(children);
		return symbol;
	}

	private DocumentSymbol schedule(Document document, Schedule schedule) {
		List<DocumentSymbol> steps = new ArrayList<>();
		for (Step step : schedule.steps()) {
			String arguments = NodeModelUtils.getTokenText(NodeModelUtils.getNode(step.call()));
			int open = arguments.indexOf('(');
			steps.add(symbol(document, step.number() + ". " + step.name(), SymbolKind.Method,
					open < 0 ? "" : arguments.substring(open), step.call(), step.call()));
		}
		String kernel = schedule.kernel() == null ? "?" : schedule.kernel().getName();
		EObject statement = schedule.binding().eContainer();
		DocumentSymbol symbol = symbol(document, Names.nameOf(schedule.binding()), SymbolKind.Object,
				"schedule of " + kernel, statement, schedule.binding());
		symbol.setChildren(steps);
		return symbol;
	}

	private DocumentSymbol symbol(Document document, String name, SymbolKind kind, String detail, EObject whole,
			EObject named) {
		ICompositeNode node = NodeModelUtils.getNode(whole);
		Range range = new Range(document.getPosition(node.getOffset()), document.getPosition(node.getEndOffset()));
		Range selection = named instanceof CallExpr || named instanceof NameRef && whole != named
				? StringReferences.rangeOf(document, NodeModelUtils.getNode(named).getTextRegion())
				: StringReferences.rangeOf(document, locations.getSignificantTextRegion(named));
		return new DocumentSymbol(name, kind, range, selection, detail);
	}
}
