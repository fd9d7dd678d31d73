package org.allo.lang;

import org.allo.lang.conversion.AlloValueConverters;
import org.allo.lang.linking.AlloLinkingDiagnosticMessageProvider;
import org.allo.lang.parser.AlloSyntaxErrorMessageProvider;
import org.allo.lang.parser.antlr.LayoutAwareAlloParser;
import org.allo.lang.resource.AlloResource;
import org.allo.lang.resource.AlloResourceDescriptionManager;
import org.allo.lang.resource.AlloResourceDescriptionStrategy;
import org.allo.lang.scoping.AlloGlobalScopeProvider;
import org.allo.lang.scoping.AlloQualifiedNameProvider;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;

/** Bindings of the runtime services; the generated superclass binds the rest. */
public class AlloRuntimeModule extends AbstractAlloRuntimeModule {

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return AlloValueConverters.class;
	}

	@Override
	public Class<? extends IQualifiedNameProvider> bindIQualifiedNameProvider() {
		return AlloQualifiedNameProvider.class;
	}

	@Override
	public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
		return AlloGlobalScopeProvider.class;
	}

	public Class<? extends ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
		return AlloLinkingDiagnosticMessageProvider.class;
	}

	@Override
	public Class<? extends XtextResource> bindXtextResource() {
		return AlloResource.class;
	}

	@Override
	public Class<? extends IParser> bindIParser() {
		return LayoutAwareAlloParser.class;
	}

	public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
		return AlloSyntaxErrorMessageProvider.class;
	}

	public Class<? extends IDefaultResourceDescriptionStrategy> bindIDefaultResourceDescriptionStrategy() {
		return AlloResourceDescriptionStrategy.class;
	}

	public Class<? extends IResourceDescription.Manager> bindIResourceDescription$Manager() {
		return AlloResourceDescriptionManager.class;
	}
}
