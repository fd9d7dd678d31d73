package org.allo.lang.scoping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.ImportedName;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.Statement;
import org.allo.lang.allo.StringLiteral;
import org.allo.lang.util.Comments;
import org.allo.lang.util.TopLevel;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.IResourceScopeCache;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Which top-level statements of a module refer to which, in one walk per version of the module:
 * what the incremental checks, the kept schedule outcomes and the index need to know of its
 * references. A statement refers to another by a cross-reference into it, or by a string that
 * names a function or class defined anywhere in the module, or an imported name (a schedule's
 * {@code "dot_3:i"}).
 */
@Singleton
public class StatementReferences {

	/** The references of one version of a module. */
	public static final class Graph {
		private final List<Statement> statements;
		private final Map<Statement, Integer> index;
		private final List<BitSet> references;
		private final Map<String, Statement> definitionsByName;
		private final List<FunctionDef> functions;
		private final boolean refersToUserFiles;
		private final String[] texts;

		private Graph(List<Statement> statements, Map<Statement, Integer> index, List<BitSet> references,
				Map<String, Statement> definitionsByName, List<FunctionDef> functions, boolean refersToUserFiles) {
			this.statements = statements;
			this.index = index;
			this.references = references;
			this.definitionsByName = definitionsByName;
			this.functions = functions;
			this.refersToUserFiles = refersToUserFiles;
			this.texts = new String[statements.size()];
		}

		/** The module's statements, in source order. */
		public List<Statement> statements() {
			return statements;
		}

		/** A statement's place among {@link #statements()}; null for another object. */
		public Integer indexOf(Statement statement) {
			return index.get(statement);
		}

		/** The places of the statements the statement at {@code i} refers to (not itself); do not modify. */
		public BitSet referencesOf(int i) {
			return references.get(i);
		}

		/** The top-level definition (function or class) of that name; the last one when there are several. */
		public Statement definition(String name) {
			return definitionsByName.get(name);
		}

		/**
		 * The text of the statement at {@code i} as checks read it: from its first token, without
		 * comments and without the blank lines around it (line breaks inside stay, so lines keep
		 * their numbers).
		 */
		public String textOf(int i) {
			String text = texts[i];
			if (text == null) {
				ICompositeNode node = NodeModelUtils.getNode(statements.get(i));
				text = node == null ? ""
						: Comments.strip(node.getRootNode().getText().substring(node.getOffset(), node.getTotalEndOffset())).strip();
				texts[i] = text;
			}
			return text;
		}

		/** Every function of the module in source order, nested ones included. */
		public List<FunctionDef> functions() {
			return functions;
		}

		/** Some reference leads into another file of the user's (not the standard library). */
		public boolean refersToUserFiles() {
			return refersToUserFiles;
		}
	}

	@Inject
	private Stdlib stdlib;

	@Inject
	private IResourceScopeCache cache;

	/** The references of the module's current version. */
	public Graph of(Module module) {
		return cache.get(StatementReferences.class, module.eResource(), () -> graphOf(module));
	}

	/** The definition's name, for a top-level function or class; null for other statements. */
	public static String definitionName(Statement statement) {
		if (statement instanceof FunctionDef function) {
			return function.getName();
		}
		return statement instanceof ClassDef classDef ? classDef.getName() : null;
	}

	private Graph graphOf(Module module) {
		List<Statement> statements = List.copyOf(module.getStatements());
		Map<Statement, Integer> index = new IdentityHashMap<>();
		Map<String, Statement> definitionsByName = new HashMap<>();
		for (int i = 0; i < statements.size(); i++) {
			index.put(statements.get(i), i);
			String name = definitionName(statements.get(i));
			if (name != null) {
				definitionsByName.put(name, statements.get(i));
			}
		}
		Resource resource = module.eResource();
		List<BitSet> references = new ArrayList<>();
		List<Set<String>> words = new ArrayList<>();
		Map<String, Statement> namedAnywhere = new HashMap<>();
		List<FunctionDef> functions = new ArrayList<>();
		boolean refersToUserFiles = false;
		for (Statement statement : statements) {
			BitSet targets = new BitSet();
			Set<String> statementWords = new HashSet<>();
			for (Iterator<EObject> contents = EcoreUtil.getAllContents(List.of(statement)); contents.hasNext();) {
				EObject object = contents.next();
				for (EObject target : object.eCrossReferences()) {
					Resource targetResource = target.eResource();
					Integer targetIndex = targetResource == resource ? index.get(TopLevel.statementOf(target)) : null;
					if (targetIndex != null) {
						targets.set(targetIndex);
					} else if (targetResource != resource && targetResource != null && !stdlib.isStdlib(targetResource)) {
						refersToUserFiles = true;
					}
				}
				if (object instanceof FunctionDef function) {
					functions.add(function);
					namedAnywhere.putIfAbsent(function.getName(), statement);
				} else if (object instanceof ClassDef || object instanceof ImportedName) {
					namedAnywhere.putIfAbsent(Names.nameOf((Referable) object), statement);
				} else if (object instanceof StringLiteral literal && literal.getValue() != null) {
					statementWords.addAll(Arrays.asList(literal.getValue().split("[^A-Za-z0-9_]+")));
				}
			}
			references.add(targets);
			words.add(statementWords);
		}
		namedAnywhere.putAll(definitionsByName);
		for (int i = 0; i < statements.size(); i++) {
			for (String word : words.get(i)) {
				Statement named = namedAnywhere.get(word);
				if (named != null) {
					references.get(i).set(index.get(named));
				}
			}
			references.get(i).clear(i);
		}
		return new Graph(statements, index, references, definitionsByName, List.copyOf(functions), refersToUserFiles);
	}
}
