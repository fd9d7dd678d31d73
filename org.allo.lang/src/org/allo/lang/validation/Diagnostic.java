package org.allo.lang.validation;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Issue;

/**
 * One diagnostic as users see it, in the command line's format
 * {@code file:line:col: error: message [code]}; the test corpus states expectations in it too.
 */
public record Diagnostic(int line, int column, Severity severity, String message, String code) implements Comparable<Diagnostic> {

	public static Diagnostic of(Issue issue) {
		int line = issue.getLineNumber() == null ? 1 : issue.getLineNumber();
		int column = issue.getColumn() == null ? 1 : issue.getColumn();
		String code = issue.getCode() == null ? "allo.other" : issue.getCode();
		return new Diagnostic(line, column, issue.getSeverity(), oneLine(issue.getMessage()), publicCode(code));
	}

	/** A diagnostic at the start of {@code at}'s source text (line 1 when it has none, as for the standard library). */
	public static Diagnostic at(EObject at, Severity severity, String message, String code) {
		ICompositeNode node = at == null ? null : NodeModelUtils.getNode(at);
		int line = node == null ? 1 : node.getStartLine();
		int column = node == null ? 1 : NodeModelUtils.getLineAndColumn(node, node.getOffset()).getColumn();
		return new Diagnostic(line, column, severity, oneLine(message), code);
	}

	/** Xtext's own codes name Java classes; users see a stable short form instead. */
	private static String publicCode(String code) {
		return switch (code) {
		case "org.eclipse.xtext.diagnostics.Diagnostic.Syntax" -> "allo.syntax";
		case "org.eclipse.xtext.diagnostics.Diagnostic.Linking" -> "allo.link";
		default -> code;
		};
	}

	private static String oneLine(String message) {
		return message == null ? "" : message.replace('\n', ' ').replace('\r', ' ');
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	/** {@code line:col: severity: message [code]}, without the file. */
	public String format() {
		String kind = switch (severity) {
		case ERROR -> "error";
		case WARNING -> "warning";
		default -> "info";
		};
		return line + ":" + column + ": " + kind + ": " + message + " [" + code + "]";
	}

	@Override
	public int compareTo(Diagnostic other) {
		return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
	}
}
