package org.allo.lang.ide.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Manifest;

/**
 * The {@code allo} command. Exit codes (LANGUAGE.md §6): 0 ok, 1 user error (diagnostics
 * printed), 2 usage error, 3 internal error (one line plus the path of the written stack trace).
 */
public final class AlloMain {

	public static final int OK = 0;
	public static final int USER_ERROR = 1;
	public static final int USAGE_ERROR = 2;
	public static final int INTERNAL_ERROR = 3;

	static final String USAGE = """
			usage: allo <command> [options] FILE...

			commands:
			  check FILE...     parse and validate; prints file:line:col: error|warning: message [code]
			  show FILE --kernel K
			                    print kernel K and the kernels it calls lowered to the IR
			  show FILE --schedule S [--step N]
			                    print the IR after step N of schedule S (default: the last)
			  sim FILE (--kernel K | --schedule S [--check]) [--input NAME=F.npy]... [--random SEED]
			      [-o DIR] [--max-steps N] [--interpret]
			                    run kernel K, or the IR of schedule S, on the CPU; inputs not
			                    given are zero (random with --random); -o saves written
			                    arguments and results as .npy; prints a summary (mode, shapes,
			                    steps, time); --check also runs the kernel unscheduled on the
			                    same inputs and fails on the first differing output; runs
			                    compiled to JVM bytecode (fast mode) unless --interpret asks
			                    for the reference interpreter
			  build FILE [--schedule S] [--target vhls|vitis_hls] [-o DIR]
			                    generate the HLS design(s) of FILE's build statements (else of the
			                    named or last schedule, else the last kernel) into DIR/<project>
			                    (default build/<top>.prj): kernel.cpp/.h; for vitis_hls also tb.cpp,
			                    host.cpp, data/, Makefile (make csim needs only g++), hls_config.cfg
			  verify FILE --schedule S [--against S2] [--timeout SECONDS] [--accept-reassociation]
			                    prove every step of schedule S equivalent to the unscheduled
			                    kernel (or S equivalent to S2), else print a counterexample
			  report FILE [--schedule S] [--format text|json|html] [--no-io-copies]
			                    estimated cycles per loop, II (and why), DSP/BRAM/FF/LUT of
			                    schedule S (default: the last) on a U280 at 300 MHz;
			                    --no-io-copies: without on-chip copies of the top's arrays
			  fmt [--check] FILE...
			                    format in place (Black's style); --check lists the files that
			                    would change and exits 1
			  lsp [--log FILE] [--parent-pid PID] [--trace]
			                    run the language server on stdin/stdout (JSON-RPC only on
			                    stdout; logs to stderr or FILE; exits when stdin closes or
			                    process PID ends)

			options:
			  -h, --help        show this help
			  --version         show the version

			Exit codes: 0 ok, 1 errors in the input, 2 usage error, 3 internal error.""";

	private AlloMain() {
	}

	/** Deeply nested input is parsed recursively; the main thread's default stack is too small for it. */
	private static final long STACK_BYTES = 512L << 20;

	public static void main(String[] args) throws InterruptedException {
		System.exit(runOnLargeStack(args, System.out, System.err));
	}

	/**
	 * {@link #run} on a thread whose stack fits deeply nested input; for hosts that embed the command
	 * line (the Maven plugin) as well as for {@link #main}.
	 */
	public static int runOnLargeStack(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
		int[] exitCode = { INTERNAL_ERROR };
		Thread worker = new Thread(null, () -> exitCode[0] = run(args, out, err), "allo", STACK_BYTES);
		worker.start();
		worker.join();
		return exitCode[0];
	}

	/** Runs one command line; returns the exit code instead of exiting, for tests. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0) {
			err.println(USAGE);
			return USAGE_ERROR;
		}
		String command = args[0];
		List<String> rest = Arrays.asList(args).subList(1, args.length);
		try {
			return switch (command) {
			case "-h", "--help", "help" -> {
				out.println(USAGE);
				yield OK;
			}
			case "--version" -> {
				out.println("allo " + version());
				yield OK;
			}
			case "check" -> new CheckCommand(out, err).run(rest);
			case "show" -> new ShowCommand(out, err).run(rest);
			case "sim" -> new SimCommand(out, err).run(rest);
			case "build" -> new BuildCommand(out, err).run(rest);
			case "verify" -> new VerifyCommand(out, err).run(rest);
			case "report" -> new ReportCommand(out, err).run(rest);
			case "fmt" -> new FmtCommand(out, err).run(rest);
			case "lsp" -> LspCommand.run(rest);
			default -> usage(err, "unknown command '" + command + "'");
			};
		} catch (UsageException e) {
			return usage(err, e.getMessage());
		} catch (Throwable e) {
			return internalError(err, e);
		}
	}

	static int usage(PrintStream err, String problem) {
		err.println("allo: " + problem);
		err.println(USAGE);
		return USAGE_ERROR;
	}

	private static int internalError(PrintStream err, Throwable e) {
		try {
			Path trace = Files.createTempFile("allo-crash-", ".txt");
			try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(trace, StandardCharsets.UTF_8))) {
				e.printStackTrace(writer);
			}
			err.println("allo: internal error: " + e + " (stack trace in " + trace + ")");
		} catch (IOException io) {
			err.println("allo: internal error: " + e + " (stack trace could not be written: " + io.getMessage() + ")");
		}
		return INTERNAL_ERROR;
	}

	static String version() {
		try (InputStream in = AlloMain.class.getResourceAsStream("/META-INF/MANIFEST.MF")) {
			if (in != null) {
				String version = new Manifest(in).getMainAttributes().getValue("Bundle-Version");
				if (version != null) {
					return version;
				}
			}
		} catch (IOException e) {
			// fall through: the version is informative only
		}
		return "unknown";
	}

	/** A command line that cannot be run as written. */
	static final class UsageException extends RuntimeException {
		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}
	}
}
