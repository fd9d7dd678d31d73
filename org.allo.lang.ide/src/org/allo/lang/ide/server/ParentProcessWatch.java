package org.allo.lang.ide.server;

import java.util.concurrent.atomic.AtomicReference;

import com.google.inject.Singleton;

/**
 * Ends the server when the editor that started it dies without saying goodbye, so that no orphaned
 * JVM keeps running. The process to watch comes from {@code --parent-pid} or from the client's
 * {@code initialize} request.
 */
@Singleton
public class ParentProcessWatch {

	private final AtomicReference<Runnable> onParentExit = new AtomicReference<>(() -> {
	});

	/** What to do when a watched process ends; the launcher exits, in-process tests do nothing. */
	public void onParentExit(Runnable action) {
		onParentExit.set(action);
	}

	public void watch(long pid) {
		ProcessHandle.of(pid).ifPresentOrElse(
				parent -> parent.onExit().thenRun(() -> onParentExit.get().run()),
				() -> onParentExit.get().run());
	}
}
