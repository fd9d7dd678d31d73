package org.allo.lang.ide.server;

import java.util.ArrayList;
import java.util.List;

import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.Decorator;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.ImportStmt;
import org.allo.lang.allo.LoopVar;
import org.allo.lang.allo.MemberExpr;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.TypeParam;
import org.allo.lang.scoping.Names;
import org.allo.lang.types.MetaType;
import org.allo.lang.types.TypeService;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.resource.XtextResource;

import com.google.inject.Inject;

/**
 * Semantic tokens: keywords, numbers, strings and comments from the tokens, and names classified
 * by what they are bound to (kernel, parameter, loop variable, type, module), declarations marked.
 */
public class SemanticTokenizer {

	public static final List<String> TOKEN_TYPES = List.of("keyword", "number", "string", "comment", "function",
			"method", "parameter", "variable", "type", "typeParameter", "namespace", "decorator", "property");
	public static final List<String> TOKEN_MODIFIERS = List.of("declaration", "defaultLibrary");

	@Inject
	private TypeService types;

	private static final int DECLARATION = 1;
	private static final int DEFAULT_LIBRARY = 2;

	/** One token before encoding; {@code line} and {@code column} count from 0. */
	private record Token(int line, int column, int length, int type, int modifiers) {
	}

	/** The tokens of the whole resource, or of the lines {@code range} touches when it is given. */
	public SemanticTokens tokens(Document document, XtextResource resource, Range range) {
		if (resource.getParseResult() == null) {
			return new SemanticTokens(List.of());
		}
		LineIndex lines = new LineIndex(document.getContents());
		int firstLine = range == null ? 0 : range.getStart().getLine();
		// The range's end is exclusive: ending at column 0 leaves that line out.
		int lastLine = range == null ? Integer.MAX_VALUE
				: range.getEnd().getCharacter() == 0 ? range.getEnd().getLine() - 1 : range.getEnd().getLine();
		List<Token> tokens = new ArrayList<>();
		for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
			int line = leaf.getStartLine() - 1;
			if (line < firstLine || line > lastLine || leaf.getLength() == 0) {
				continue;
			}
			String type = typeOf(leaf);
			if (type != null) {
				int modifiers = isName(leaf) ? modifiersOf(leaf) : 0;
				addLines(tokens, lines, leaf, TOKEN_TYPES.indexOf(type), modifiers);
			}
		}
		return new SemanticTokens(encode(tokens));
	}

	/** A token spanning lines (a triple-quoted string) is one token per line, as LSP requires. */
	private static void addLines(List<Token> tokens, LineIndex lines, ILeafNode leaf, int type, int modifiers) {
		int offset = leaf.getOffset();
		int end = leaf.getEndOffset();
		while (offset < end) {
			int line = lines.lineOf(offset);
			int lineEnd = Math.min(end, lines.endOfLine(line));
			if (lineEnd > offset) {
				tokens.add(new Token(line, offset - lines.startOf(line), lineEnd - offset, type, modifiers));
			}
			offset = lines.startOf(line + 1);
			if (offset <= 0) {
				break;
			}
		}
	}

	private static List<Integer> encode(List<Token> tokens) {
		List<Integer> data = new ArrayList<>(tokens.size() * 5);
		int previousLine = 0;
		int previousColumn = 0;
		for (Token token : tokens) {
			int deltaLine = token.line() - previousLine;
			data.add(deltaLine);
			data.add(deltaLine == 0 ? token.column() - previousColumn : token.column());
			data.add(token.length());
			data.add(token.type());
			data.add(token.modifiers());
			previousLine = token.line();
			previousColumn = token.column();
		}
		return data;
	}

	private static boolean isName(ILeafNode leaf) {
		String rule = ruleName(leaf.getGrammarElement());
		return "ID".equals(rule) || "DottedName".equals(rule);
	}

	private String typeOf(ILeafNode leaf) {
		EObject grammar = leaf.getGrammarElement();
		if (grammar instanceof Keyword keyword) {
			String value = keyword.getValue();
			return Character.isLetter(value.charAt(0)) ? "keyword" : null;
		}
		String rule = ruleName(grammar);
		if (rule == null) {
			return null;
		}
		return switch (rule) {
		case "INT", "FLOAT" -> "number";
		case "STRING" -> "string";
		case "SL_COMMENT" -> "comment";
		case "ID", "DottedName" -> nameType(leaf);
		default -> null;
		};
	}

	private static String ruleName(EObject grammar) {
		EObject rule = grammar;
		if (rule instanceof CrossReference reference) {
			rule = reference.getTerminal();
		}
		if (rule instanceof RuleCall call) {
			AbstractRule called = call.getRule();
			return called == null ? null : called.getName();
		}
		return rule instanceof AbstractRule abstractRule ? abstractRule.getName() : null;
	}

	private String nameType(ILeafNode leaf) {
		EObject element = semanticElement(leaf);
		if (EcoreUtil2.getContainerOfType(element, Decorator.class) != null) {
			return "decorator";
		}
		Referable target = element instanceof NameRef || element instanceof MemberExpr
				? Names.targetOf((org.allo.lang.allo.Expr) element)
				: element instanceof Referable declared ? declared : null;
		if (target == null) {
			return element instanceof MemberExpr ? "property" : null;
		}
		return kindOf(target);
	}

	private String kindOf(Referable target) {
		if (target instanceof FunctionDef function) {
			return EcoreUtil2.getContainerOfType(function.eContainer(), ClassDef.class) != null ? "method" : "function";
		} else if (target instanceof ClassDef) {
			return "type";
		} else if (target instanceof Param) {
			return "parameter";
		} else if (target instanceof TypeParam) {
			return "typeParameter";
		} else if (target instanceof Module || target instanceof ImportStmt) {
			return "namespace";
		}
		// int32 = Int(32): a name bound to a type is a type.
		return target instanceof LoopVar || !(types.typeOf(target) instanceof MetaType) ? "variable" : "type";
	}

	private static int modifiersOf(ILeafNode leaf) {
		EObject element = semanticElement(leaf);
		int modifiers = 0;
		boolean isReference = leaf.getGrammarElement() instanceof CrossReference
				|| leaf.getGrammarElement().eContainer() instanceof CrossReference;
		if (element instanceof Referable && !isReference) {
			modifiers |= DECLARATION;
		}
		Referable target = element instanceof NameRef || element instanceof MemberExpr
				? Names.targetOf((org.allo.lang.allo.Expr) element)
				: null;
		if (target != null && target.eResource() != null && target.eResource() != element.eResource()
				&& target.eResource().getURI().toString().contains("/stdlib/")) {
			modifiers |= DEFAULT_LIBRARY;
		}
		return modifiers;
	}

	private static EObject semanticElement(INode leaf) {
		for (INode node = leaf; node != null; node = node.getParent()) {
			if (node.hasDirectSemanticElement()) {
				return node.getSemanticElement();
			}
		}
		return null;
	}
}
