package org.allo.lang.scoping;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.Statement;
import org.allo.lang.allo.StringLiteral;
import org.allo.lang.util.TopLevel;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.util.IResourceScopeCache;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Which top-level statements of a module refer to which, in one walk per version of the module:
 * what the incremental checks, the kept schedule outcomes and the index need to know of its
 * references. A statement refers to another by a cross-reference into it, or by a string that
 * names a definition (a schedule's {@code "dot_3:i"}).
 */
@Singleton
public class StatementReferences {

	/** The references of one version of a module. */
	public static final class Graph {
		private final List<Statement> statements;
		private final Map<Statement, Integer> index;
		private final List<BitSet> references;
		private final Map<String, Statement> definitionsByName;
		private final boolean refersToUserFiles;

		private Graph(List<Statement> statements, Map<Statement, Integer> index, List<BitSet> references,
				Map<String, Statement> definitionsByName, boolean refersToUserFiles) {
			this.statements = statements;
			this.index = index;
			this.references = references;
			this.definitionsByName = definitionsByName;
			this.refersToUserFiles = refersToUserFiles;
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

		/** The definition (function or class) of that name; the last one when there are several. */
		public Statement definition(String name) {
			return definitionsByName.get(name);
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
		boolean refersToUserFiles = false;
		for (Statement statement : statements) {
			BitSet targets = new BitSet();
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
				if (object instanceof StringLiteral literal && literal.getValue() != null) {
					for (String word : literal.getValue().split("[^A-Za-z0-9_]+")) {
						Statement named = definitionsByName.get(word);
						if (named != null) {
							targets.set(index.get(named));
						}
					}
				}
			}
			targets.clear(index.get(statement));
			references.add(targets);
		}
		return new Graph(statements, index, references, definitionsByName, refersToUserFiles);
	}
}
