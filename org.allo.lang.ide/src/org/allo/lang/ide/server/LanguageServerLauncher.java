package org.allo.lang.ide.server;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;

import com.google.inject.Guice;
import com.google.inject.Injector;

/**
 * {@code allo lsp}: the language server on stdin/stdout. stdout carries JSON-RPC only, so it is
 * taken before anything can print and System.out is pointed at the log. The server exits when
 * stdin closes (the editor went away), when the parent process dies, or after shutdown + exit.
 */
public final class LanguageServerLauncher {

	private LanguageServerLauncher() {
	}

	/** Runs the server until its input ends; returns the process exit code. */
	public static int run(LspCommandLine options) throws IOException {
		InputStream in = System.in;
		OutputStream out = System.out;
		PrintStream log = options.log() == null ? System.err
				: new PrintStream(new FileOutputStream(options.log().toFile(), true), true, StandardCharsets.UTF_8);
		System.setOut(log);
		System.setErr(log);
		routeLoggingTo(log);

		Injector injector = Guice.createInjector(AlloServerModule.create());
		ParentProcessWatch watch = injector.getInstance(ParentProcessWatch.class);
		watch.onParentExit(() -> {
			log.println("allo lsp: the parent process ended; exiting");
			Runtime.getRuntime().halt(0);
		});
		if (options.parentPid() != null) {
			watch.watch(options.parentPid());
		}
		AlloLanguageServer server = injector.getInstance(AlloLanguageServer.class);
		PrintWriter trace = options.trace() ? new PrintWriter(log, true) : null;
		Launcher<LanguageClient> launcher = Launcher.createLauncher(server, LanguageClient.class, in, out, true, trace);
		server.connect(launcher.getRemoteProxy());
		Future<Void> listening = launcher.startListening();
		try {
			listening.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (ExecutionException e) {
			log.println("allo lsp: the connection failed: " + e.getCause());
			return 1;
		}
		log.println("allo lsp: input closed; exiting");
		return 0;
	}

	/** Xtext logs through log4j, whose default console appender writes to System.out. */
	private static void routeLoggingTo(PrintStream log) {
		Logger root = Logger.getRootLogger();
		root.removeAllAppenders();
		ConsoleAppender appender = new ConsoleAppender(new PatternLayout("%d{HH:mm:ss} %-5p %c{1} - %m%n"));
		appender.setWriter(new PrintWriter(log, true));
		root.addAppender(appender);
		root.setLevel(Level.WARN);
	}
}
