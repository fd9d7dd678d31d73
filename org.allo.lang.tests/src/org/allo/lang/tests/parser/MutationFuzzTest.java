package org.allo.lang.tests.parser;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.TestFiles;
import org.allo.lang.validation.Diagnostic;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Broken versions of every valid corpus file (spans deleted, lines duplicated or swapped, stray
 * brackets, quotes, tabs and keywords inserted) never throw, and every diagnostic they produce is
 * located and carries one of our codes. Seeded, so a failure reproduces.
 */
class MutationFuzzTest {

	private static final int MUTANTS_PER_FILE = 8;
	private static final List<String> INSERTIONS = List.of("(", ")", "[", "]", "{", "}", ":", "\"", "'", "\t", "\n",
			"    ", "def ", "for ", "if ", "else:", "return", "@", "->", ",", "=", "\\\n", "#", "\0", "é", "\"\"\"", "s.");

	@TestFactory
	Stream<DynamicTest> mutantsNeverCrashTheChecker() {
		Path folder = TestFiles.resources().resolve("parser/valid");
		return TestFiles.alloFiles(folder).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
			String text = TestFiles.read(file);
			Random random = new Random(file.getFileName().toString().hashCode());
			for (int mutant = 0; mutant < MUTANTS_PER_FILE; mutant++) {
				String broken = mutate(text, random);
				List<Diagnostic> diagnostics = assertDoesNotThrow(() -> check(broken), () -> "mutant:\n" + broken);
				for (Diagnostic diagnostic : diagnostics) {
					assertTrue(diagnostic.line() >= 1 && diagnostic.column() >= 1 && diagnostic.code().startsWith("allo."),
							() -> diagnostic + " in mutant:\n" + broken);
				}
			}
		}));
	}

	private static List<Diagnostic> check(String text) {
		AlloProject project = new AlloProject();
		return project.check(project.add("mutant.allo", text));
	}

	private static String mutate(String text, Random random) {
		String result = text;
		int edits = 1 + random.nextInt(3);
		for (int edit = 0; edit < edits; edit++) {
			result = switch (random.nextInt(4)) {
			case 0 -> deleteSpan(result, random);
			case 1 -> insert(result, random);
			case 2 -> duplicateLine(result, random);
			default -> swapLines(result, random);
			};
		}
		return result;
	}

	private static String deleteSpan(String text, Random random) {
		if (text.isEmpty()) {
			return text;
		}
		int start = random.nextInt(text.length());
		int end = Math.min(text.length(), start + 1 + random.nextInt(20));
		return text.substring(0, start) + text.substring(end);
	}

	private static String insert(String text, Random random) {
		int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
		return text.substring(0, at) + INSERTIONS.get(random.nextInt(INSERTIONS.size())) + text.substring(at);
	}

	private static String duplicateLine(String text, Random random) {
		String[] lines = text.split("\n", -1);
		int line = random.nextInt(lines.length);
		StringBuilder result = new StringBuilder();
		for (int i = 0; i < lines.length; i++) {
			result.append(lines[i]).append('\n');
			if (i == line) {
				result.append(lines[i]).append('\n');
			}
		}
		return result.toString();
	}

	private static String swapLines(String text, Random random) {
		String[] lines = text.split("\n", -1);
		int a = random.nextInt(lines.length);
		int b = random.nextInt(lines.length);
		String swap = lines[a];
		lines[a] = lines[b];
		lines[b] = swap;
		return String.join("\n", lines);
	}
}
