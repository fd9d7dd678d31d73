package org.allo.lang.ide.cli;

import java.io.IOException;
import java.util.List;

import org.allo.lang.ide.cli.AlloMain.UsageException;
import org.allo.lang.ide.server.LanguageServerLauncher;
import org.allo.lang.ide.server.LspCommandLine;

/** {@code allo lsp}: the language server on stdio until the editor goes away. */
final class LspCommand {

	private LspCommand() {
	}

	static int run(List<String> args) throws IOException {
		LspCommandLine options;
		try {
			options = LspCommandLine.parse(args);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		return LanguageServerLauncher.run(options);
	}
}
