package org.allo.lang.ide.server;

import java.util.ArrayList;
import java.util.List;

import org.allo.lang.allo.Module;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.ScheduleSteps.Step;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codelens.ICodeLensService;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Two lenses on each schedule step. "Show IR after step N": its command {@code allo.showIr} is the
 * client's, which sends {@code allo/showIr} with the step's position and shows the answer.
 * "Verify up to here": its command {@link VerifyUpToHere#COMMAND} is the server's
 * ({@code workspace/executeCommand}), so every client runs it without code of its own.
 */
public class StepCodeLenses implements ICodeLensService {

	public static final String SHOW_IR = "allo.showIr";

	@Override
	public List<? extends CodeLens> computeCodeLenses(Document document, XtextResource resource, CodeLensParams params,
			CancelIndicator cancelIndicator) {
		List<CodeLens> lenses = new ArrayList<>();
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Module module)) {
			return lenses;
		}
		for (Schedule schedule : ScheduleSteps.of(module)) {
			if (schedule.kernel() == null) {
				continue;
			}
			for (Step step : schedule.steps()) {
				ICompositeNode node = NodeModelUtils.getNode(step.call());
				Position start = document.getPosition(node.getOffset());
				Position end = document.getPosition(node.getEndOffset());
				List<Object> place = List.of(params.getTextDocument().getUri(), start);
				Range range = new Range(start, end);
				lenses.add(new CodeLens(range, new Command("Show IR after step " + step.number() + " (" + step.name() + ")", SHOW_IR, place),
						null));
				lenses.add(new CodeLens(range, new Command("Verify up to here", VerifyUpToHere.COMMAND, place), null));
			}
		}
		return lenses;
	}
}
