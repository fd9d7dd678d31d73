package org.allo.lang.ui;

import org.allo.lang.ui.server.InProcessServer;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

/**
 * The editor bundle: owns the one in-process Allo language server of the workbench, started on
 * first use and shut down with the bundle.
 */
public final class AlloUiPlugin extends AbstractUIPlugin {

	public static final String ID = "org.allo.lang.ui";

	private static AlloUiPlugin instance;

	private InProcessServer server;

	public static AlloUiPlugin getDefault() {
		return instance;
	}

	@Override
	public void start(BundleContext context) throws Exception {
		super.start(context);
		instance = this;
	}

	@Override
	public void stop(BundleContext context) throws Exception {
		synchronized (this) {
			if (server != null) {
				server.shutdown();
				server = null;
			}
		}
		instance = null;
		super.stop(context);
	}

	/** The language server every editor feature asks; started (and the workspace indexed) on first use. */
	public synchronized InProcessServer server() {
		if (server == null) {
			server = InProcessServer.start(ResourcesPlugin.getWorkspace().getRoot());
		}
		return server;
	}
}
