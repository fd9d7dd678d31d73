package org.allo.lang.ide.cli;

import java.io.PrintStream;

import org.allo.lang.verify.EquivalenceChecker;

/**
 * A one-line progress display on stderr for long checks: the current phase and the operations done,
 * redrawn in place. Only when stderr is a terminal: in a log or a pipe the redraws would be noise.
 */
final class ProgressBar implements EquivalenceChecker.Progress {

	private static final long REDRAW_NANOS = 200_000_000L;

	private final PrintStream err;
	private final boolean enabled;
	private long lastDraw;
	private int drawnWidth;

	ProgressBar(PrintStream err, boolean enabled) {
		this.err = err;
		this.enabled = enabled;
	}

	static ProgressBar forTerminal(PrintStream err) {
		return new ProgressBar(err, System.console() != null);
	}

	@Override
	public void update(String phase, long operations) {
		long now = System.nanoTime();
		if (!enabled || now - lastDraw < REDRAW_NANOS) {
			return;
		}
		lastDraw = now;
		String text = "verifying " + phase + ": " + String.format(java.util.Locale.ROOT, "%.1fM", operations / 1e6) + " ops";
		err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
		drawnWidth = text.length();
		err.flush();
	}

	/** Removes the line before a result is printed. */
	void clear() {
		if (enabled && drawnWidth > 0) {
			err.print("\r" + " ".repeat(drawnWidth) + "\r");
			err.flush();
			drawnWidth = 0;
		}
	}
}
