package org.allo.lang.ide.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.estimate.EstimateReport;
import org.allo.lang.layout.Layout;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.ScheduleSteps.Step;
import org.allo.lang.layout.LayoutService;
import org.allo.lang.types.Type;
import org.allo.lang.types.TypeService;
import org.allo.lang.types.UnknownType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;

import com.google.inject.Inject;

/**
 * Inlay hints: the inferred type after a name a plain assignment declares ({@code x = a + b}),
 * the layout schedules give a kernel's tensors (also when inferred through calls) after the
 * tensor's declaration, and after each schedule step the kernel's estimated latency once that
 * step is applied.
 */
public class InlayHints {

	@Inject
	private TypeService types;

	@Inject
	private LayoutService layouts;

	@Inject
	private ILocationInFileProvider locations;

	@Inject
	private ScheduleEstimates estimates;

	public List<InlayHint> in(Document document, XtextResource resource, Range range) {
		List<InlayHint> hints = new ArrayList<>();
		if (resource.getParseResult() == null || !(resource.getContents().get(0) instanceof Module module)) {
			return hints;
		}
		int start = offsetIn(document, range.getStart());
		int end = offsetIn(document, range.getEnd());
		for (EObject element : (Iterable<EObject>) module::eAllContents) {
			ICompositeNode node = NodeModelUtils.getNode(element);
			if (node == null || node.getEndOffset() < start || node.getOffset() > end) {
				continue;
			}
			if (element instanceof NameRef name && name.getRef() == name) {
				inferredType(document, name, hints);
			}
			if ((element instanceof Param || element instanceof VarDecl)
					&& EcoreUtil2.getContainerOfType(element, FunctionDef.class) != null) {
				layout(document, (Referable) element, hints);
			}
		}
		latencies(document, module, start, end, hints);
		return hints;
	}

	/** Only steps in the range: the estimates of a schedule are computed when one of its steps is shown. */
	private void latencies(Document document, Module module, int start, int end, List<InlayHint> hints) {
		for (Schedule schedule : ScheduleSteps.of(module)) {
			List<EstimateReport> reports = null;
			for (Step step : schedule.steps()) {
				ICompositeNode node = NodeModelUtils.getNode(step.call());
				if (schedule.kernel() == null || node.getEndOffset() < start || node.getOffset() > end) {
					continue;
				}
				reports = reports != null ? reports : estimates.afterEachStep(schedule);
				if (step.number() < reports.size()) {
					EstimateReport report = reports.get(step.number());
					InlayHint hint = new InlayHint(document.getPosition(node.getEndOffset()), Either.forLeft("latency "
							+ EstimateHover.cycles(report.latency()) + ", " + String.format(Locale.ROOT, "%.2f", report.micros()) + " µs"));
					hint.setPaddingLeft(true);
					hints.add(hint);
				}
			}
		}
	}

	/** A client may ask for more lines than the document has (a stale range): clamp to its end. */
	private static int offsetIn(Document document, Position position) {
		if (position.getLine() >= document.getLineCount()) {
			return document.getContents().length();
		}
		return document.getOffSet(position);
	}

	private void inferredType(Document document, NameRef name, List<InlayHint> hints) {
		Type type = types.typeOf((Referable) name);
		if (type == null || type instanceof UnknownType) {
			return;
		}
		ICompositeNode node = NodeModelUtils.getNode(name);
		InlayHint hint = new InlayHint(document.getPosition(node.getEndOffset()), Either.forLeft(": " + type.display()));
		hint.setKind(InlayHintKind.Type);
		hints.add(hint);
	}

	private void layout(Document document, Referable tensor, List<InlayHint> hints) {
		Optional<Layout> layout = layouts.layoutOf(tensor);
		if (layout.isEmpty() || layout.get().isNone()) {
			return;
		}
		ITextRegion name = locations.getSignificantTextRegion(tensor);
		InlayHint hint = new InlayHint(document.getPosition(name.getOffset() + name.getLength()),
				Either.forLeft("partitioned " + layout.get()));
		hint.setPaddingLeft(true);
		hints.add(hint);
	}
}
