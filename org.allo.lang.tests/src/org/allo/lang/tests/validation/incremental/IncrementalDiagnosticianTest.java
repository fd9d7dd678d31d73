package org.allo.lang.tests.validation.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.allo.lang.allo.Module;
import org.allo.lang.allo.Statement;
import org.allo.lang.ide.AlloIdeSetup;
import org.allo.lang.tests.TestFiles;
import org.allo.lang.validation.ScheduleOutcomes;
import org.allo.lang.validation.incremental.StatementDiagnostics;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.inject.Injector;

/**
 * The editor's validation replays what unchanged statements reported: after each edit, what it
 * reports with the diagnostics kept from the previous version must equal what a check with nothing
 * kept reports. Every example is edited at its first, middle and last top-level statement, every
 * file of the validation corpus at its middle one: a comment inserted above it (every later line
 * moves), an integer in it changed, and the statement deleted (what refers to it no longer resolves).
 */
class IncrementalDiagnosticianTest {

	private static final Pattern INTEGER = Pattern.compile("\\b\\d+\\b");

	private static final Injector EDITOR = new AlloIdeSetup().createInjector();

	static Stream<Path> corpus() {
		List<Path> files = new ArrayList<>();
		files.addAll(TestFiles.alloFiles(TestFiles.resources().resolve("validation/accepted")));
		files.addAll(TestFiles.alloFiles(TestFiles.resources().resolve("validation/rejected")));
		return files.stream();
	}

	static Stream<Path> examples() {
		List<Path> files = new ArrayList<>();
		files.addAll(TestFiles.alloFiles(TestFiles.repository().resolve("examples")));
		files.addAll(TestFiles.alloFiles(TestFiles.repository().resolve("examples/polybench")));
		return files.stream();
	}

	@ParameterizedTest
	@MethodSource("corpus")
	void keptDiagnosticsEqualAFreshCheckInTheCorpus(Path file) {
		String text = TestFiles.read(file);
		List<int[]> statements = statementRanges(text);
		checkEdits(file, text, statements.get(statements.size() / 2));
	}

	@ParameterizedTest
	@MethodSource("examples")
	void keptDiagnosticsEqualAFreshCheckInTheExamples(Path file) {
		String text = TestFiles.read(file);
		List<int[]> statements = statementRanges(text);
		for (int[] range : List.of(statements.get(0), statements.get(statements.size() / 2), statements.get(statements.size() - 1))) {
			checkEdits(file, text, range);
		}
	}

	private static void checkEdits(Path file, String text, int[] range) {
		for (String edited : edits(text, range)) {
			issues(text, true);
			List<String> kept = issues(edited, true);
			assertEquals(issues(edited, false), kept, () -> "after editing statement at offset " + range[0] + " of " + file);
		}
	}

	private static List<String> edits(String text, int[] range) {
		List<String> edits = new ArrayList<>();
		edits.add(text.substring(0, range[0]) + "# inserted\n" + text.substring(range[0]));
		Matcher integer = INTEGER.matcher(text).region(range[0], range[1]);
		if (integer.find()) {
			edits.add(text.substring(0, integer.start()) + (Long.parseLong(integer.group()) % 7 + 2) + text.substring(integer.end()));
		}
		edits.add(text.substring(0, range[0]) + text.substring(range[1]));
		return edits;
	}

	/** The text ranges of the module's top-level statements (from the first character of each). */
	private static List<int[]> statementRanges(String text) {
		Module module = load(text);
		List<int[]> ranges = new ArrayList<>();
		for (Statement statement : module.getStatements()) {
			ICompositeNode node = NodeModelUtils.getNode(statement);
			assertNotNull(node);
			ranges.add(new int[] { node.getOffset(), node.getEndOffset() });
		}
		assertFalse(ranges.isEmpty());
		return ranges;
	}

	/** The issues of a check of the text; with {@code keep} false, nothing earlier checks kept is used. */
	private static List<String> issues(String text, boolean keep) {
		if (!keep) {
			EDITOR.getInstance(StatementDiagnostics.class).clear();
			EDITOR.getInstance(ScheduleOutcomes.class).clear();
		}
		Module module = load(text);
		List<Issue> issues = EDITOR.getInstance(IResourceValidator.class).validate(module.eResource(), CheckMode.ALL,
				CancelIndicator.NullImpl);
		return issues.stream().map(issue -> issue.getLineNumber() + ":" + issue.getColumn() + ": " + issue.getSeverity() + ": "
				+ issue.getMessage() + " [" + issue.getCode() + "]").toList();
	}

	private static Module load(String text) {
		XtextResourceSet resourceSet = EDITOR.getInstance(XtextResourceSet.class);
		XtextResource resource = EDITOR.getInstance(XtextResource.class);
		resource.setURI(URI.createFileURI("/virtual/module.allo"));
		resourceSet.getResources().add(resource);
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return (Module) resource.getContents().get(0);
	}
}
