package org.allo.lang.ide.server;

import org.allo.lang.ide.AlloIdeSetup;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;
import org.eclipse.xtext.util.Modules2;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * Xtext's server wiring with the Allo server in place of the stock one. The language is registered
 * directly instead of through {@code META-INF/services}: a service loader sees nothing inside OSGi
 * (the in-process tests), and a direct registration cannot be lost by jar merging.
 */
public final class AlloServerModule extends AbstractModule {

	public static Module create() {
		return Modules2.mixin(new ServerModule(), new AlloServerModule());
	}

	@Override
	protected void configure() {
		bind(LanguageServer.class).to(AlloLanguageServer.class);
		bind(LanguageServerImpl.class).to(AlloLanguageServer.class);
	}

	@Provides
	@Singleton
	IResourceServiceProvider.Registry languages() {
		IResourceServiceProvider allo = new AlloIdeSetup().createInjectorAndDoEMFRegistration()
				.getInstance(IResourceServiceProvider.class);
		ResourceServiceProviderRegistryImpl registry = new ResourceServiceProviderRegistryImpl();
		registry.getExtensionToFactoryMap().put("allo", allo);
		return registry;
	}
}
