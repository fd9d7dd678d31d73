package org.allo.lang.tests.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.allo.lang.tests.AlloProject;
import org.allo.lang.validation.Diagnostic;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Input no one should write still gets diagnostics, never an exception or a hang. The timeouts
 * only catch hangs; speed is measured by the bench profile.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BadInputTest {

	@Test
	void emptyFile() {
		assertEquals(List.of(), check(""));
	}

	@Test
	void randomBytes() {
		Random random = new Random(42);
		for (int round = 0; round < 20; round++) {
			byte[] bytes = new byte[2000];
			random.nextBytes(bytes);
			assertLocated(check(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)));
		}
	}

	@Test
	void nulBytesAreReportedWhereTheyStand() {
		List<Diagnostic> diagnostics = check("M = 4\nN = 5\0\0\n");
		assertTrue(diagnostics.stream().anyMatch(d -> d.line() == 2 && d.column() == 6
				&& d.code().equals("allo.syntax.invalid-character")), diagnostics::toString);
	}

	@Test
	void crlfLineEndsJustWork() {
		assertEquals(List.of(), check("M = 4\r\ndef f(A: int32[M]):\r\n    for i in range(M):\r\n        A[i] = i\r\n"));
	}

	@Test
	void bracketsNestedBeyondPythonsLimitAreAnError() {
		List<Diagnostic> diagnostics = check("x = " + "(".repeat(1000) + "1" + ")".repeat(1000) + "\n");
		assertEquals("allo.syntax.nesting-too-deep", diagnostics.get(0).code());
		assertLocated(diagnostics);
	}

	@Test
	void bracketsNestedJustBelowTheLimitParse() {
		assertEquals(List.of(), check("x = " + "(".repeat(199) + "1" + ")".repeat(199) + "\n"));
	}

	@Test
	void blocksNestedBeyondPythonsLimitAreAnError() {
		StringBuilder text = new StringBuilder("def f(A: int32[4]):\n");
		for (int depth = 1; depth <= 1000; depth++) {
			text.append("    ".repeat(depth)).append("if A[0] > ").append(depth).append(":\n");
		}
		text.append("    ".repeat(1001)).append("A[1] = 1\n");
		List<Diagnostic> diagnostics = check(text.toString());
		assertEquals("allo.syntax.nesting-too-deep", diagnostics.get(0).code());
		assertLocated(diagnostics);
	}

	@Test
	void tenMegabyteFileChecksCleanly() {
		StringBuilder text = new StringBuilder("import allo\n");
		for (int n = 0; text.length() < 10_000_000; n++) {
			text.append("""

					def kernel_%d(A: int32[32, 32], B: int32[32, 32]) -> int32[32, 32]:
					    C: int32[32, 32] = 0
					    for i, j in allo.grid(32, 32, name="C"):
					        for k in allo.reduction(32):
					            C[i, j] += A[i, k] * B[k, j] + (i - j) * 2 // 3
					    return C
					""".formatted(n));
		}
		assertEquals(List.of(), check(text.toString()));
	}

	@Test
	void severalErrorsAreAllReportedAtTheirOwnPlaces() {
		List<Diagnostic> diagnostics = check("def f(A: int32[4]):\n    A[0] = x\n    A[1] = 1 +\n    A[2] = y\n");
		assertEquals(List.of("2:12", "3:15", "4:12"), diagnostics.stream().map(d -> d.line() + ":" + d.column()).toList());
	}

	private static List<Diagnostic> check(String text) {
		AlloProject project = new AlloProject();
		Resource resource = project.add("input.allo", text);
		return project.check(resource);
	}

	private static void assertLocated(List<Diagnostic> diagnostics) {
		assertFalse(diagnostics.isEmpty(), "bad input produced no diagnostic");
		for (Diagnostic diagnostic : diagnostics) {
			assertTrue(diagnostic.line() >= 1 && diagnostic.column() >= 1, diagnostic::toString);
			assertTrue(diagnostic.code().startsWith("allo."), diagnostic::toString);
		}
	}
}
