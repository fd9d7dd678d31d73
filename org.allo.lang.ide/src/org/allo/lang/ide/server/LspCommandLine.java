package org.allo.lang.ide.server;

import java.nio.file.Path;
import java.util.List;

/**
 * The options of {@code allo lsp}: {@code --log FILE} (server log, default stderr),
 * {@code --parent-pid PID} (exit when that process dies), {@code --trace} (JSON-RPC messages into
 * the log).
 */
public record LspCommandLine(Path log, Long parentPid, boolean trace) {

	/** Parses the options after {@code lsp}; throws IllegalArgumentException saying what is wrong. */
	public static LspCommandLine parse(List<String> args) {
		Path log = null;
		Long parentPid = null;
		boolean trace = false;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			switch (arg) {
			case "--log" -> log = Path.of(valueOf(args, ++i, arg));
			case "--parent-pid" -> parentPid = pidOf(valueOf(args, ++i, arg));
			case "--trace" -> trace = true;
			// VS Code's language client appends --stdio to the command of a stdio server.
			case "--stdio" -> {
			}
			default -> throw new IllegalArgumentException("unknown option '" + arg + "' for lsp");
			}
		}
		return new LspCommandLine(log, parentPid, trace);
	}

	private static String valueOf(List<String> args, int index, String option) {
		if (index >= args.size()) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args.get(index);
	}

	private static long pidOf(String text) {
		try {
			long pid = Long.parseLong(text);
			if (pid > 0) {
				return pid;
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw new IllegalArgumentException("--parent-pid needs a positive process id, not '" + text + "'");
	}
}
