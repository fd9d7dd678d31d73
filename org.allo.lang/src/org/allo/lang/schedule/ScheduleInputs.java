package org.allo.lang.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.Statement;
import org.allo.lang.allo.StringLiteral;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.ScheduleSteps.Step;
import org.allo.lang.scoping.StatementReferences;
import org.allo.lang.scoping.StatementReferences.Graph;
import org.allo.lang.util.Digests;
import org.allo.lang.util.TopLevel;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.IResourceScopeCache;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * What applying a schedule depends on, as a digest of source text, so that its outcome can be kept
 * across edits that do not touch it. A schedule reads its kernel, what that kernel calls and what
 * calls it (the layout solver propagates partitions along calls in both directions), and the
 * module's top-level statements other than definitions (constants, types, every schedule statement,
 * whose {@code instantiate=} lists bind templates). The digest covers the text without comments and
 * the start line of each (messages cite lines) and the file's name: the kernels of the definitions' call component
 * around the schedule's kernel and the kernels its step strings name ({@code "dot_3:i"}), plus all
 * other top-level statements. A definition that customises a kernel counts as such a statement.
 * There is no digest (the schedule is applied afresh) when the module reaches into another user
 * file, or when the schedule composes others.
 */
@Singleton
public class ScheduleInputs {

	/**
	 * A schedule's digest and the statements it covers: the module's shared statements, then the
	 * definitions of its component in source order (a fixed order, which locates objects across versions).
	 */
	public static final class Inputs {
		private final String digest;
		private final ModuleFacts facts;
		private final List<Statement> component;

		private Inputs(String digest, ModuleFacts facts, List<Statement> component) {
			this.digest = digest;
			this.facts = facts;
			this.component = component;
		}

		public String digest() {
			return digest;
		}

		/** Where an object is, as the index of its statement among those covered and its path inside; null when outside them. */
		public Location locate(EObject object) {
			Statement statement = TopLevel.statementOf(object);
			Integer shared = facts.sharedIndex().get(statement);
			int index = shared != null ? shared : component.indexOf(statement);
			if (index < 0) {
				return null;
			}
			return new Location(shared != null ? index : facts.sharedIndex().size() + index,
					object == statement ? null : EcoreUtil.getRelativeURIFragmentPath(statement, object));
		}

		/** The object at a location, in this version of the module. */
		public EObject find(Location location) {
			int shared = facts.sharedIndex().size();
			Statement statement = location.statement() < shared ? facts.sharedStatements().get(location.statement())
					: component.get(location.statement() - shared);
			return location.path() == null ? statement : EcoreUtil.getEObject(statement, location.path());
		}
	}

	/** An object's place relative to the statements a digest covers. */
	public record Location(int statement, String path) {
	}

	/** One version of a module: digests of its statements and which definitions refer to which. */
	private record ModuleFacts(byte[] shared, List<Statement> sharedStatements, Map<Statement, Integer> sharedIndex,
			Map<Statement, byte[]> definitionDigests, Map<Statement, Integer> definitionIndex,
			Map<Statement, Set<Statement>> neighbours, Map<String, Statement> definitionsByName, boolean local) {
	}

	@Inject
	private StatementReferences references;

	@Inject
	private IResourceScopeCache cache;

	/** The schedule's inputs; null when its outcome must be computed afresh. */
	public Inputs of(Schedule schedule) {
		Module module = EcoreUtil2.getContainerOfType(schedule.binding(), Module.class);
		if (module == null || schedule.steps().stream().anyMatch(step -> "compose".equals(step.name()))) {
			return null;
		}
		ModuleFacts facts = cache.get(ScheduleInputs.class, module.eResource(), () -> factsOf(module));
		if (!facts.local()) {
			return null;
		}
		List<Statement> component = new ArrayList<>(component(seeds(schedule, facts), facts));
		component.sort(Comparator.comparing(facts.definitionIndex()::get));
		MessageDigest digest = Digests.sha256();
		digest.update(facts.shared());
		int customize = facts.sharedIndex().get(TopLevel.statementOf(schedule.binding()));
		digest.update(Integer.toString(customize).getBytes(StandardCharsets.UTF_8));
		for (Statement statement : component) {
			digest.update(facts.definitionDigests().get(statement));
		}
		return new Inputs(HexFormat.of().formatHex(digest.digest()), facts, component);
	}

	private ModuleFacts factsOf(Module module) {
		Resource resource = module.eResource();
		MessageDigest shared = Digests.sha256();
		shared.update(resource.getURI().lastSegment().getBytes(StandardCharsets.UTF_8));
		List<Statement> sharedStatements = new ArrayList<>();
		Map<Statement, Integer> sharedIndex = new IdentityHashMap<>();
		Map<Statement, byte[]> definitionDigests = new IdentityHashMap<>();
		Map<Statement, Integer> definitionIndex = new IdentityHashMap<>();
		Map<String, Statement> definitionsByName = new HashMap<>();
		Graph graph = references.of(module);
		for (int i = 0; i < graph.statements().size(); i++) {
			Statement statement = graph.statements().get(i);
			String text = lineAndText(statement, graph.textOf(i));
			if (isDefinition(statement) && !text.contains("customize")) {
				definitionDigests.put(statement, Digests.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
				definitionIndex.put(statement, definitionIndex.size());
				definitionsByName.put(StatementReferences.definitionName(statement), statement);
			} else {
				shared.update(text.getBytes(StandardCharsets.UTF_8));
				sharedIndex.put(statement, sharedStatements.size());
				sharedStatements.add(statement);
			}
		}
		Map<Statement, Set<Statement>> neighbours = new IdentityHashMap<>();
		for (int i = 0; i < graph.statements().size(); i++) {
			Statement statement = graph.statements().get(i);
			BitSet targets = graph.referencesOf(i);
			for (int target = targets.nextSetBit(0); target >= 0; target = targets.nextSetBit(target + 1)) {
				if (definitionDigests.containsKey(statement) && definitionDigests.containsKey(graph.statements().get(target))) {
					connect(statement, graph.statements().get(target), neighbours);
				}
			}
		}
		boolean local = !graph.refersToUserFiles();
		return new ModuleFacts(shared.digest(), sharedStatements, sharedIndex, definitionDigests, definitionIndex, neighbours,
				definitionsByName, local);
	}

	private static void connect(Statement a, Statement b, Map<Statement, Set<Statement>> neighbours) {
		if (a != b) {
			neighbours.computeIfAbsent(a, key -> new LinkedHashSet<>()).add(b);
			neighbours.computeIfAbsent(b, key -> new LinkedHashSet<>()).add(a);
		}
	}

	/** The definitions the schedule's statements refer to, by reference or by a name in a string. */
	private static Set<Statement> seeds(Schedule schedule, ModuleFacts facts) {
		Set<Statement> seeds = new LinkedHashSet<>();
		List<EObject> roots = new ArrayList<>();
		roots.add(TopLevel.statementOf(schedule.binding()));
		for (Step step : schedule.steps()) {
			roots.add(TopLevel.statementOf(step.call()));
		}
		for (Iterator<EObject> contents = EcoreUtil.getAllContents(roots); contents.hasNext();) {
			EObject object = contents.next();
			for (EObject target : object.eCrossReferences()) {
				Statement statement = TopLevel.statementOf(target);
				if (facts.definitionDigests().containsKey(statement)) {
					seeds.add(statement);
				}
			}
			if (object instanceof StringLiteral literal && literal.getValue() != null) {
				for (String word : literal.getValue().split("[^A-Za-z0-9_]+")) {
					Statement named = facts.definitionsByName().get(word);
					if (named != null) {
						seeds.add(named);
					}
				}
			}
		}
		return seeds;
	}

	private static Set<Statement> component(Set<Statement> seeds, ModuleFacts facts) {
		Set<Statement> reached = new LinkedHashSet<>(seeds);
		Deque<Statement> work = new ArrayDeque<>(seeds);
		while (!work.isEmpty()) {
			for (Statement next : facts.neighbours().getOrDefault(work.pop(), Set.of())) {
				if (reached.add(next)) {
					work.push(next);
				}
			}
		}
		return reached;
	}

	private static boolean isDefinition(Statement statement) {
		return statement instanceof FunctionDef || statement instanceof ClassDef;
	}

	/**
	 * The statement's text as checks read it ({@link Graph#textOf}) after its first line: a comment
	 * between two units belongs to one of their statements, and editing it would otherwise re-apply
	 * every schedule; the line is there so that the digest changes when a line the messages cite moves.
	 */
	private static String lineAndText(Statement statement, String text) {
		ICompositeNode node = NodeModelUtils.getNode(statement);
		return (node == null ? 0 : node.getStartLine()) + ":" + text.length() + ":" + text;
	}
}
