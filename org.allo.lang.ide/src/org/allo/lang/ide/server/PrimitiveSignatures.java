package org.allo.lang.ide.server;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.Param;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;

/** Signature help inside the parentheses of a schedule step: the primitive's parameters, the current one active. */
public class PrimitiveSignatures {

	@Inject
	private ScheduleCompletion completion;

	public SignatureHelp at(Document document, XtextResource resource, int offset) {
		if (resource.getParseResult() == null || !(resource.getContents().get(0) instanceof Module module)) {
			return new SignatureHelp();
		}
		String before = ScheduleCompletion.lineBefore(document, offset);
		int open = ScheduleCompletion.unmatchedParenthesis(before);
		if (open < 0) {
			return new SignatureHelp();
		}
		Matcher callee = ScheduleCompletion.CALLEE.matcher(before.substring(0, open));
		if (!callee.find() || !ScheduleCompletion.scheduleNames(module).contains(callee.group(1))) {
			return new SignatureHelp();
		}
		for (FunctionDef primitive : completion.primitives(resource)) {
			if (primitive.getName().equals(callee.group(2))) {
				return help(primitive, before.substring(open + 1));
			}
		}
		return new SignatureHelp();
	}

	private static SignatureHelp help(FunctionDef primitive, String arguments) {
		List<Param> params = ScheduleCompletion.parameters(primitive);
		List<ParameterInformation> infos = new ArrayList<>();
		for (Param param : params) {
			infos.add(new ParameterInformation(NodeModelUtils.getTokenText(NodeModelUtils.getNode(param))));
		}
		SignatureInformation signature = new SignatureInformation(ScheduleCompletion.signature(primitive),
				new MarkupContent(MarkupKind.MARKDOWN, PrimitiveDocs.of(primitive.getName())), infos);
		return new SignatureHelp(List.of(signature), 0, activeParameter(params, arguments));
	}

	/** A keyword argument activates its parameter; else the position, a star parameter taking the rest. */
	private static int activeParameter(List<Param> params, String arguments) {
		int depth = 0;
		int commas = 0;
		int currentStart = 0;
		for (int i = 0; i < arguments.length(); i++) {
			char c = arguments.charAt(i);
			if (c == '(' || c == '[' || c == '{') {
				depth++;
			} else if (c == ')' || c == ']' || c == '}') {
				depth--;
			} else if (c == ',' && depth == 0) {
				commas++;
				currentStart = i + 1;
			}
		}
		String current = arguments.substring(currentStart).strip();
		int equals = current.indexOf('=');
		if (equals > 0) {
			String keyword = current.substring(0, equals).strip();
			for (int i = 0; i < params.size(); i++) {
				if (params.get(i).getName().equals(keyword)) {
					return i;
				}
			}
		}
		for (int i = 0; i < params.size(); i++) {
			if (params.get(i).isStar() && commas >= i) {
				return i;
			}
		}
		return Math.min(commas, Math.max(0, params.size() - 1));
	}
}
