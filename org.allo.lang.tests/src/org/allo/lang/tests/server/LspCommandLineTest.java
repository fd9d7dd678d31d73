package org.allo.lang.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.allo.lang.ide.server.LspCommandLine;
import org.junit.jupiter.api.Test;

/** The options of {@code allo lsp}. */
class LspCommandLineTest {

	@Test
	void defaultsLogToStderrWithoutWatchingOrTracing() {
		assertEquals(new LspCommandLine(null, null, false), LspCommandLine.parse(List.of()));
	}

	@Test
	void allOptions() {
		assertEquals(new LspCommandLine(Path.of("/tmp/allo.log"), 42L, true),
				LspCommandLine.parse(List.of("--log", "/tmp/allo.log", "--parent-pid", "42", "--trace", "--stdio")));
	}

	@Test
	void wrongOptionsSayWhatIsWrong() {
		assertEquals("unknown option '--port' for lsp",
				assertThrows(IllegalArgumentException.class, () -> LspCommandLine.parse(List.of("--port"))).getMessage());
		assertEquals("--log needs a value",
				assertThrows(IllegalArgumentException.class, () -> LspCommandLine.parse(List.of("--log"))).getMessage());
		assertEquals("--parent-pid needs a positive process id, not 'x'",
				assertThrows(IllegalArgumentException.class, () -> LspCommandLine.parse(List.of("--parent-pid", "x"))).getMessage());
	}
}
