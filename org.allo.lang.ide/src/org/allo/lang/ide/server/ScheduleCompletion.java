package org.allo.lang.ide.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.Statement;
import org.allo.lang.allo.StringLiteral;
import org.allo.lang.schedule.LoopNaming;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.RoleArgument;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.ScheduleSteps.Step;
import org.allo.lang.scoping.Members;
import org.allo.lang.scoping.Names;
import org.allo.lang.scoping.Stdlib;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.IResourceScopeCache;

import com.google.inject.Inject;

/**
 * Completion in schedules: inside a string argument, the loops (as the earlier steps left them),
 * tensors, bands or kernels its role takes; after {@code s.}, the primitives as snippets with their
 * parameters; inside a step's parentheses, its keyword arguments ({@code partition_type=Partition.Cyclic}).
 */
public class ScheduleCompletion {

	/** What completion offers at a place, and whether that replaces the language-wide proposals. */
	public record Proposals(List<CompletionItem> items, boolean exclusive) {
	}

	private static final Pattern MEMBER = Pattern.compile("\\b([A-Za-z_]\\w*)\\.([A-Za-z_]\\w*)?$");
	static final Pattern CALLEE = Pattern.compile("\\b([A-Za-z_]\\w*)\\.([A-Za-z_]\\w*)\\s*$");
	private static final List<String> PARTITION_TYPES = List.of("Block", "Cyclic", "Complete");

	@Inject
	private Members members;

	@Inject
	private Stdlib stdlib;

	@Inject
	private IResourceScopeCache cache;

	public Proposals at(Document document, XtextResource resource, int offset) {
		if (resource.getParseResult() == null || !(resource.getContents().get(0) instanceof Module module)) {
			return new Proposals(List.of(), false);
		}
		List<CompletionItem> inString = inScheduleString(document, resource, module, offset);
		if (inString != null) {
			return new Proposals(inString, true);
		}
		String before = lineBefore(document, offset);
		Set<String> schedules = cache.get(ScheduleCompletion.class, resource, () -> scheduleNames(module));
		Matcher member = MEMBER.matcher(before);
		if (member.find() && schedules.contains(member.group(1))) {
			String prefix = member.group(2) == null ? "" : member.group(2);
			return new Proposals(primitives(resource, document, offset, prefix), true);
		}
		return new Proposals(keywordArguments(resource, document, offset, before, schedules), false);
	}

	static String lineBefore(Document document, int offset) {
		String text = document.getContents();
		int start = text.lastIndexOf('\n', offset - 1) + 1;
		return text.substring(start, offset);
	}

	static Set<String> scheduleNames(Module module) {
		Set<String> names = new LinkedHashSet<>();
		for (Schedule schedule : ScheduleSteps.of(module)) {
			names.add(Names.nameOf(schedule.binding()));
		}
		return names;
	}

	// ---------------------------------------------------------------- strings

	private List<CompletionItem> inScheduleString(Document document, XtextResource resource, Module module, int offset) {
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		if (leaf == null || !(NodeModelUtils.findActualSemanticObjectFor(leaf) instanceof StringLiteral literal)
				|| offset <= leaf.getOffset() || offset >= leaf.getEndOffset()) {
			return null;
		}
		for (Schedule schedule : ScheduleSteps.of(module)) {
			for (Step step : schedule.steps()) {
				for (RoleArgument argument : ScheduleSteps.roleArguments(step)) {
					if (argument.value() == literal && schedule.kernel() != null) {
						Range range = new Range(document.getPosition(leaf.getOffset() + 1), document.getPosition(offset));
						return candidates(module, schedule, step, argument.role(), range);
					}
				}
			}
		}
		return null;
	}

	private List<CompletionItem> candidates(Module module, Schedule schedule, Step current, String role, Range range) {
		List<CompletionItem> items = new ArrayList<>();
		FunctionDef kernel = schedule.kernel();
		if (role.startsWith("Loop")) {
			LoopNaming naming = replayBefore(schedule, current);
			for (String loop : naming.liveLoops(kernel)) {
				items.add(item(loop, CompletionItemKind.Variable, "loop of " + kernel.getName(), range));
			}
		}
		if (role.equals("TensorRef")) {
			for (Referable tensor : members.kernelTensors(kernel)) {
				items.add(item(Names.nameOf(tensor), CompletionItemKind.Field, "tensor of " + kernel.getName(), range));
			}
		}
		if (role.startsWith("Band")) {
			for (String band : new LoopNaming(kernel).table(kernel).bands().keySet()) {
				items.add(item(band, CompletionItemKind.Struct, "band of " + kernel.getName(), range));
			}
		}
		if (role.endsWith("KernelRef")) {
			for (FunctionDef other : EcoreUtil2.typeSelect(module.getStatements(), FunctionDef.class)) {
				items.add(item(other.getName(), CompletionItemKind.Function, "kernel", range));
			}
		}
		return items;
	}

	/** The loop names as the steps before {@code current} left them. */
	private static LoopNaming replayBefore(Schedule schedule, Step current) {
		LoopNaming naming = new LoopNaming(schedule.kernel());
		for (Step step : schedule.steps()) {
			if (step == current) {
				break;
			}
			List<String> loops = new ArrayList<>();
			for (RoleArgument argument : ScheduleSteps.roleArguments(step)) {
				if (argument.role().startsWith("Loop") && argument.value() instanceof StringLiteral literal
						&& literal.getValue() != null && literal.getValue().indexOf(':') < 0) {
					loops.add(literal.getValue());
				}
			}
			naming.apply(step, loops);
		}
		return naming;
	}

	private static CompletionItem item(String name, CompletionItemKind kind, String detail, Range range) {
		CompletionItem item = new CompletionItem(name);
		item.setKind(kind);
		item.setDetail(detail);
		item.setTextEdit(Either.forLeft(new TextEdit(range, name)));
		return item;
	}

	// ---------------------------------------------------------------- primitives

	private List<CompletionItem> primitives(XtextResource resource, Document document, int offset, String prefix) {
		List<CompletionItem> items = new ArrayList<>();
		Range range = new Range(document.getPosition(offset - prefix.length()), document.getPosition(offset));
		for (FunctionDef primitive : primitives(resource)) {
			CompletionItem item = new CompletionItem(primitive.getName());
			item.setKind(CompletionItemKind.Method);
			item.setDetail(signature(primitive));
			item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, PrimitiveDocs.of(primitive.getName())));
			item.setInsertTextFormat(InsertTextFormat.Snippet);
			item.setTextEdit(Either.forLeft(new TextEdit(range, snippet(primitive))));
			items.add(item);
		}
		return items;
	}

	/** The methods of the standard library's Schedule class, in stub order. */
	List<FunctionDef> primitives(XtextResource resource) {
		Module builtins = stdlib.load(resource.getResourceSet(), "builtins");
		for (Statement statement : builtins == null ? List.<Statement>of() : builtins.getStatements()) {
			if (statement instanceof ClassDef schedule && "Schedule".equals(schedule.getName())) {
				return EcoreUtil2.typeSelect(schedule.getBody().getStatements(), FunctionDef.class);
			}
		}
		return List.of();
	}

	static List<Param> parameters(FunctionDef primitive) {
		List<Param> params = new ArrayList<>(primitive.getParams());
		if (!params.isEmpty() && "self".equals(params.get(0).getName())) {
			params.remove(0);
		}
		return params;
	}

	static String signature(FunctionDef primitive) {
		List<String> params = new ArrayList<>();
		for (Param param : parameters(primitive)) {
			params.add(NodeModelUtils.getTokenText(NodeModelUtils.getNode(param)));
		}
		return primitive.getName() + "(" + String.join(", ", params) + ")";
	}

	/** Required parameters become tab stops (strings for loop and tensor roles); defaults are left out. */
	private static String snippet(FunctionDef primitive) {
		List<String> stops = new ArrayList<>();
		int stop = 1;
		for (Param param : parameters(primitive)) {
			if (param.getDefault() != null) {
				continue;
			}
			boolean role = param.getType() != null && NodeModelUtils.getTokenText(NodeModelUtils.getNode(param.getType())).endsWith("Ref");
			String placeholder = "${" + stop++ + ":" + param.getName() + "}";
			stops.add(role ? "\"" + placeholder + "\"" : placeholder);
		}
		return primitive.getName() + "(" + String.join(", ", stops) + ")$0";
	}

	// ---------------------------------------------------------------- keyword arguments

	private List<CompletionItem> keywordArguments(XtextResource resource, Document document, int offset, String before,
			Set<String> schedules) {
		int open = unmatchedParenthesis(before);
		if (open < 0) {
			return List.of();
		}
		Matcher callee = CALLEE.matcher(before.substring(0, open));
		if (!callee.find() || !schedules.contains(callee.group(1))) {
			return List.of();
		}
		Matcher typed = Pattern.compile("([A-Za-z_]\\w*)$").matcher(before);
		String prefix = typed.find() ? typed.group(1) : "";
		Range range = new Range(document.getPosition(offset - prefix.length()), document.getPosition(offset));
		String written = before.substring(open);
		int positional = positionalArguments(written.substring(1));
		List<CompletionItem> items = new ArrayList<>();
		for (FunctionDef primitive : primitives(resource)) {
			if (!primitive.getName().equals(callee.group(2))) {
				continue;
			}
			List<Param> params = parameters(primitive);
			for (int index = positional; index < params.size(); index++) {
				Param param = params.get(index);
				if (param.isStar() || written.matches("(?s).*\\b" + param.getName() + "\\s*=.*")) {
					continue;
				}
				if (param.getName().equals("partition_type")) {
					for (String type : PARTITION_TYPES) {
						items.add(keyword("partition_type=Partition." + type, "partition_type=Partition." + type, range));
					}
				} else {
					items.add(keyword(param.getName() + "=", param.getName() + "=${1:" + defaultText(param) + "}", range));
				}
			}
		}
		return items;
	}

	private static String defaultText(Param param) {
		Expr value = param.getDefault();
		return value == null ? "" : NodeModelUtils.getTokenText(NodeModelUtils.getNode(value));
	}

	private static CompletionItem keyword(String label, String snippet, Range range) {
		CompletionItem item = new CompletionItem(label);
		item.setKind(CompletionItemKind.Property);
		item.setInsertTextFormat(InsertTextFormat.Snippet);
		item.setTextEdit(Either.forLeft(new TextEdit(range, snippet)));
		item.setSortText("0" + label);
		return item;
	}

	/** How many complete positional arguments precede the one being written. */
	private static int positionalArguments(String arguments) {
		int depth = 0;
		int count = 0;
		int start = 0;
		for (int i = 0; i < arguments.length(); i++) {
			char c = arguments.charAt(i);
			if (c == '(' || c == '[' || c == '{') {
				depth++;
			} else if (c == ')' || c == ']' || c == '}') {
				depth--;
			} else if (c == ',' && depth == 0) {
				if (arguments.substring(start, i).contains("=")) {
					return count;
				}
				count++;
				start = i + 1;
			}
		}
		return count;
	}

	/** The index of the last '(' not closed before the end of {@code text}; -1 when all are closed. */
	static int unmatchedParenthesis(String text) {
		int depth = 0;
		for (int i = text.length() - 1; i >= 0; i--) {
			char c = text.charAt(i);
			if (c == ')') {
				depth++;
			} else if (c == '(') {
				if (depth == 0) {
					return i;
				}
				depth--;
			}
		}
		return -1;
	}
}
