package org.allo.lang.ide.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.allo.lang.validation.IssueCodes;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.xtext.ide.server.Document;

/**
 * Quick fixes for the checker's diagnostics, from what their messages propose: insert the cast a
 * lossy conversion needs, take the loop name a typo was close to, add the partition an unroll
 * needs or unroll by what the banks allow, and make a partition agree with the layout required
 * elsewhere.
 */
public class QuickFixes {

	private static final Pattern CAST = Pattern.compile("write (\\S+)\\(\\.\\.\\.\\) to make it explicit");
	private static final Pattern DID_YOU_MEAN = Pattern.compile("did you mean '([^']+)'\\?$");
	private static final Pattern PARTITION_CALL = Pattern.compile(": (\\w+\\.partition\\(.*\\))$");
	private static final Pattern BANKS = Pattern.compile("has (\\d+) banks? \\(.*?\\) with (\\d+) ports?");
	private static final Pattern REQUIRED = Pattern.compile(": (Block|Cyclic|Complete)(?:\\((\\d+)\\))? required by");
	private static final Pattern FACTOR = Pattern.compile("factor\\s*=\\s*\\d+");
	private static final Pattern PARTITION_TYPE = Pattern.compile("Partition\\.(Block|Cyclic|Complete)");

	public List<CodeAction> fixes(Document document, String uri, Diagnostic diagnostic) {
		String code = diagnostic.getCode() == null ? "" : diagnostic.getCode().getLeft();
		String message = diagnostic.getMessage() == null ? "" : diagnostic.getMessage().getLeft();
		List<CodeAction> fixes = new ArrayList<>();
		switch (code) {
		case IssueCodes.LOSSY_CONVERSION -> cast(document, uri, diagnostic, message, fixes);
		case IssueCodes.UNKNOWN_LOOP, IssueCodes.UNKNOWN_TENSOR, IssueCodes.UNKNOWN_BAND -> rename(document, uri, diagnostic, message, fixes);
		case IssueCodes.BANKING_UNROLL_EXCEEDS_BANKS -> banking(document, uri, diagnostic, message, fixes);
		case IssueCodes.LAYOUT_MISMATCH -> agree(document, uri, diagnostic, message, fixes);
		default -> {
		}
		}
		return fixes;
	}

	private static void cast(Document document, String uri, Diagnostic diagnostic, String message, List<CodeAction> fixes) {
		Matcher cast = CAST.matcher(message);
		if (cast.find()) {
			String text = document.getSubstring(diagnostic.getRange());
			fixes.add(fix("Insert the cast " + cast.group(1) + "(...)", uri, diagnostic,
					new TextEdit(diagnostic.getRange(), cast.group(1) + "(" + text + ")")));
		}
	}

	/** The diagnostic covers the whole string; its quote character is kept. */
	private static void rename(Document document, String uri, Diagnostic diagnostic, String message, List<CodeAction> fixes) {
		Matcher suggestion = DID_YOU_MEAN.matcher(message);
		String text = document.getSubstring(diagnostic.getRange());
		if (suggestion.find() && text.length() >= 2) {
			String quote = text.substring(0, 1);
			String written = text.substring(1, text.length() - 1);
			int colon = written.indexOf(':');
			String replacement = colon < 0 ? suggestion.group(1) : written.substring(0, colon + 1) + suggestion.group(1);
			fixes.add(fix("Change to '" + replacement + "'", uri, diagnostic,
					new TextEdit(diagnostic.getRange(), quote + replacement + quote)));
		}
	}

	private static void banking(Document document, String uri, Diagnostic diagnostic, String message, List<CodeAction> fixes) {
		int line = diagnostic.getRange().getStart().getLine();
		String lineText = document.getLineContent(line);
		Matcher partition = PARTITION_CALL.matcher(message);
		if (partition.find()) {
			String indent = lineText.substring(0, lineText.length() - lineText.stripLeading().length());
			Position before = new Position(line, 0);
			fixes.add(fix("Add " + partition.group(1), uri, diagnostic,
					new TextEdit(new Range(before, before), indent + partition.group(1) + "\n")));
		}
		Matcher banks = BANKS.matcher(message);
		Matcher factor = FACTOR.matcher(lineText);
		if (banks.find() && factor.find()) {
			int copies = Integer.parseInt(banks.group(1)) * Integer.parseInt(banks.group(2));
			if (copies <= 1) {
				return;
			}
			fixes.add(fix("Unroll by " + copies + ", what the banks serve in one cycle", uri, diagnostic,
					new TextEdit(new Range(new Position(line, factor.start()), new Position(line, factor.end())),
							"factor=" + copies)));
		}
	}

	private static void agree(Document document, String uri, Diagnostic diagnostic, String message, List<CodeAction> fixes) {
		int line = diagnostic.getRange().getStart().getLine();
		String lineText = document.getLineContent(line);
		Matcher required = REQUIRED.matcher(message);
		Matcher type = PARTITION_TYPE.matcher(lineText);
		if (!lineText.contains(".partition(") || !required.find() || !type.find()) {
			return;
		}
		String layout = required.group(1) + (required.group(2) == null ? "" : "(" + required.group(2) + ")");
		List<TextEdit> edits = new ArrayList<>();
		edits.add(new TextEdit(new Range(new Position(line, type.start()), new Position(line, type.end())),
				"Partition." + required.group(1)));
		Matcher factor = FACTOR.matcher(lineText);
		if (required.group(2) != null && factor.find()) {
			edits.add(new TextEdit(new Range(new Position(line, factor.start()), new Position(line, factor.end())),
					"factor=" + required.group(2)));
		}
		fixes.add(fix("Partition as " + layout + " to agree", uri, diagnostic, edits.toArray(TextEdit[]::new)));
	}

	private static CodeAction fix(String title, String uri, Diagnostic diagnostic, TextEdit... edits) {
		CodeAction action = new CodeAction(title);
		action.setKind(CodeActionKind.QuickFix);
		action.setDiagnostics(List.of(diagnostic));
		action.setEdit(new WorkspaceEdit(Map.of(uri, List.of(edits))));
		return action;
	}
}
