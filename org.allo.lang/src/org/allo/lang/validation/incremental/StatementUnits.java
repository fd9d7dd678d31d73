package org.allo.lang.validation.incremental;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.Module;
import org.allo.lang.allo.Statement;
import org.allo.lang.scoping.StatementReferences;
import org.allo.lang.scoping.StatementReferences.Graph;
import org.allo.lang.util.Digests;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.IResourceScopeCache;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * What the checks of each top-level statement read, as a key: two versions of a module give a
 * statement the same key only when its checks must report the same. A statement's checks read its
 * own text and what it refers to (by reference, or by a definition's name in a string such as
 * {@code "dot_3:i"}). References between definitions and the statements that use them (calls,
 * {@code customize}, schedule steps) count in both directions, since layouts and template instances
 * flow both ways; such statements form a component and share its digest. Statements that lead to
 * no definition (imports, constants, type aliases) are only read: they enter the digest of the
 * components that use them, without joining them. The key covers the text of each statement
 * without comments (comments cannot change a check, and the diagnostics are placed anew on the
 * current objects) and the file's URI; a statement's key adds its place in its component. A module
 * that refers to another user file has no keys: that file can change behind the text.
 */
@Singleton
public class StatementUnits {

	@Inject
	private StatementReferences references;

	@Inject
	private IResourceScopeCache cache;

	/**
	 * A component: statements that refer to each other, directly or through others, and the key of
	 * what they read. The key also covers each member's first line, for checks whose messages cite
	 * lines.
	 */
	public record Component(String key, List<Statement> members) {
	}

	private record Units(Map<Statement, String> keys, Map<Statement, Component> components) {
	}

	/** The key of the statement's checks in this version of its module; null when they must run afresh. */
	public String keyOf(Statement statement) {
		Units units = unitsOf(statement);
		return units == null ? null : units.keys().get(statement);
	}

	/** The statement's component in this version of its module; null when its checks must run afresh. */
	public Component componentOf(Statement statement) {
		Units units = unitsOf(statement);
		return units == null ? null : units.components().get(statement);
	}

	private Units unitsOf(Statement statement) {
		if (statement == null || !(statement.eContainer() instanceof Module module) || module.eResource() == null) {
			return null;
		}
		return cache.get(StatementUnits.class, module.eResource(), () -> unitsOf(module));
	}

	private Units unitsOf(Module module) {
		Graph graph = references.of(module);
		if (graph.refersToUserFiles()) {
			return new Units(Map.of(), Map.of());
		}
		BitSet leadsToDefinition = leadsToDefinition(graph);
		int[] component = components(graph, leadsToDefinition);
		return units(module, graph, leadsToDefinition, component);
	}

	/** The statements that are definitions or refer, directly or through others, to one. */
	private static BitSet leadsToDefinition(Graph graph) {
		List<Statement> statements = graph.statements();
		List<List<Integer>> referrers = new ArrayList<>();
		for (int i = 0; i < statements.size(); i++) {
			referrers.add(new ArrayList<>());
		}
		for (int i = 0; i < statements.size(); i++) {
			BitSet targets = graph.referencesOf(i);
			for (int target = targets.nextSetBit(0); target >= 0; target = targets.nextSetBit(target + 1)) {
				referrers.get(target).add(i);
			}
		}
		BitSet reached = new BitSet();
		Deque<Integer> work = new ArrayDeque<>();
		for (int i = 0; i < statements.size(); i++) {
			if (StatementReferences.definitionName(statements.get(i)) != null) {
				reached.set(i);
				work.push(i);
			}
		}
		while (!work.isEmpty()) {
			for (int referrer : referrers.get(work.pop())) {
				if (!reached.get(referrer)) {
					reached.set(referrer);
					work.push(referrer);
				}
			}
		}
		return reached;
	}

	/** Component numbers: statements joined by references between statements that lead to definitions. */
	private static int[] components(Graph graph, BitSet leadsToDefinition) {
		int size = graph.statements().size();
		int[] parent = new int[size];
		for (int i = 0; i < size; i++) {
			parent[i] = i;
		}
		for (int i = 0; i < size; i++) {
			BitSet targets = graph.referencesOf(i);
			for (int target = targets.nextSetBit(0); target >= 0; target = targets.nextSetBit(target + 1)) {
				if (leadsToDefinition.get(i) && leadsToDefinition.get(target)) {
					parent[root(parent, i)] = root(parent, target);
				}
			}
		}
		for (int i = 0; i < size; i++) {
			parent[i] = root(parent, i);
		}
		return parent;
	}

	private static int root(int[] parent, int i) {
		int current = i;
		while (parent[current] != current) {
			parent[current] = parent[parent[current]];
			current = parent[current];
		}
		return current;
	}

	private static Units units(Module module, Graph graph, BitSet leadsToDefinition, int[] component) {
		List<Statement> statements = graph.statements();
		List<byte[]> texts = new ArrayList<>();
		for (int i = 0; i < statements.size(); i++) {
			texts.add(Digests.sha256().digest(graph.textOf(i).getBytes(StandardCharsets.UTF_8)));
		}
		Map<Integer, BitSet> members = new HashMap<>();
		for (int i = 0; i < statements.size(); i++) {
			members.computeIfAbsent(component[i], key -> new BitSet()).set(i);
		}
		byte[] uri = module.eResource().getURI().toString().getBytes(StandardCharsets.UTF_8);
		Map<Integer, Component> byNumber = new HashMap<>();
		Map<Statement, String> keys = new IdentityHashMap<>();
		Map<Statement, Component> components = new IdentityHashMap<>();
		for (int i = 0; i < statements.size(); i++) {
			BitSet unit = members.get(component[i]);
			Component whole = byNumber.computeIfAbsent(component[i], number -> component(uri, unit, graph, leadsToDefinition, texts));
			keys.put(statements.get(i), whole.key().substring(0, whole.key().indexOf('@')) + ":" + unit.get(0, i).cardinality());
			components.put(statements.get(i), whole);
		}
		return new Units(keys, components);
	}

	private static Component component(byte[] uri, BitSet unit, Graph graph, BitSet leadsToDefinition, List<byte[]> texts) {
		List<Statement> members = unit.stream().mapToObj(graph.statements()::get).toList();
		StringBuilder key = new StringBuilder(componentDigest(uri, unit, readOnly(unit, graph, leadsToDefinition), texts)).append('@');
		for (Statement member : members) {
			ICompositeNode node = NodeModelUtils.getNode(member);
			key.append(node == null ? 0 : node.getStartLine()).append(',');
		}
		return new Component(key.toString(), members);
	}

	/** The statements a component reads without joining it: those that lead to no definition, transitively. */
	private static BitSet readOnly(BitSet unit, Graph graph, BitSet leadsToDefinition) {
		BitSet read = new BitSet();
		Deque<Integer> work = new ArrayDeque<>();
		unit.stream().forEach(work::push);
		while (!work.isEmpty()) {
			BitSet targets = graph.referencesOf(work.pop());
			for (int target = targets.nextSetBit(0); target >= 0; target = targets.nextSetBit(target + 1)) {
				if (!leadsToDefinition.get(target) && !unit.get(target) && !read.get(target)) {
					read.set(target);
					work.push(target);
				}
			}
		}
		return read;
	}

	private static String componentDigest(byte[] uri, BitSet unit, BitSet read, List<byte[]> texts) {
		MessageDigest digest = Digests.sha256();
		digest.update(uri);
		unit.stream().forEach(i -> digest.update(texts.get(i)));
		digest.update((byte) 0);
		read.stream().forEach(i -> digest.update(texts.get(i)));
		return HexFormat.of().formatHex(digest.digest());
	}
}
