package org.allo.lang.util;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;

/**
 * Errors logged while something runs. Xtext catches an exception thrown by a check (or a scope
 * provider) and only logs it, so without this a crash would silently drop diagnostics.
 */
public final class LoggedErrors extends AppenderSkeleton {

	private final List<LoggingEvent> events = new ArrayList<>();

	/** Runs {@code work} and returns its result together with what was logged as an error meanwhile. */
	public static <T> Result<T> capture(Supplier<T> work) {
		LoggedErrors logged = new LoggedErrors();
		Logger.getRootLogger().addAppender(logged);
		try {
			return new Result<>(work.get(), List.copyOf(logged.events));
		} finally {
			Logger.getRootLogger().removeAppender(logged);
		}
	}

	/** A value and the error events logged while it was computed. */
	public record Result<T>(T value, List<LoggingEvent> errors) {

		/** What the first error was about, with its exception when it had one. */
		public Throwable firstCause() {
			if (errors.isEmpty()) {
				return null;
			}
			LoggingEvent first = errors.get(0);
			Throwable thrown = first.getThrowableInformation() == null ? null : first.getThrowableInformation().getThrowable();
			return thrown != null ? thrown : new IllegalStateException(first.getRenderedMessage());
		}

		/** The first error's message and stack trace, or null when nothing was logged. */
		public String firstError() {
			if (errors.isEmpty()) {
				return null;
			}
			LoggingEvent first = errors.get(0);
			String[] trace = first.getThrowableStrRep();
			return first.getRenderedMessage() + (trace == null ? "" : "\n" + String.join("\n", trace));
		}
	}

	@Override
	protected synchronized void append(LoggingEvent event) {
		if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
			events.add(event);
		}
	}

	@Override
	public void close() {
		// holds nothing that needs closing
	}

	@Override
	public boolean requiresLayout() {
		return false;
	}
}
