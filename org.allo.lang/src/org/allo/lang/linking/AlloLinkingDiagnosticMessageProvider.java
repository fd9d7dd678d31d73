package org.allo.lang.linking;

import java.util.ArrayList;
import java.util.List;

import org.allo.lang.allo.AlloPackage;
import org.allo.lang.allo.Argument;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.FromImportStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.MemberExpr;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Referable;
import org.allo.lang.scoping.Binding;
import org.allo.lang.scoping.LexicalBindings;
import org.allo.lang.scoping.Members;
import org.allo.lang.scoping.Names;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

import com.google.inject.Inject;

/** Unresolved names explained the way a user can act on: what is missing and what is near. */
public class AlloLinkingDiagnosticMessageProvider extends LinkingDiagnosticMessageProvider {

	@Inject
	private LexicalBindings bindings;

	@Inject
	private Members members;

	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		EObject owner = context.getContext();
		EReference reference = context.getReference();
		String name = context.getLinkText();
		if (reference == AlloPackage.Literals.NAME_REF__REF) {
			return unknownName(owner, name);
		} else if (reference == AlloPackage.Literals.MEMBER_EXPR__MEMBER && owner instanceof MemberExpr member) {
			String receiver = textOf(member.getReceiver());
			return error("'" + receiver + "' has no member '" + name + "'"
					+ Suggestions.didYouMean(name, members.of(member.getReceiver()).keySet()), IssueCodes.UNKNOWN_MEMBER);
		} else if (reference == AlloPackage.Literals.IMPORT_STMT__MODULE
				|| reference == AlloPackage.Literals.FROM_IMPORT_STMT__MODULE) {
			String file = name.replace('.', '/') + ".allo";
			return error("cannot find module '" + name + "': there is no " + file
					+ " in this project and no standard-library module of that name", IssueCodes.UNKNOWN_MODULE);
		} else if (reference == AlloPackage.Literals.IMPORTED_NAME__TARGET) {
			return unknownImport(owner, name);
		}
		return super.getUnresolvedProxyMessage(context);
	}

	private DiagnosticMessage unknownName(EObject owner, String name) {
		Referable later = declaredLater(owner, name);
		if (later != null) {
			int line = NodeModelUtils.getNode(later).getStartLine();
			return error("'" + name + "' is used before its declaration on line " + line
					+ "; declare it before this use", IssueCodes.USED_BEFORE_DECLARATION);
		}
		if (isCustomizedKernel(owner)) {
			List<String> kernels = new ArrayList<>();
			for (FunctionDef kernel : EcoreUtil2.getAllContentsOfType(EcoreUtil2.getRootContainer(owner), FunctionDef.class)) {
				kernels.add(kernel.getName());
			}
			return error("unknown kernel '" + name + "'; kernels in this file: "
					+ (kernels.isEmpty() ? "(none)" : String.join(", ", kernels)) + Suggestions.didYouMean(name, kernels),
					IssueCodes.UNKNOWN_KERNEL);
		}
		List<String> visible = new ArrayList<>();
		for (Binding binding : bindings.visible(owner)) {
			visible.add(binding.name());
		}
		String hint = Suggestions.didYouMean(name, visible);
		return error("unknown name '" + name + "'" + (hint.isEmpty() ? "; declare or import it before use" : hint),
				IssueCodes.UNKNOWN_NAME);
	}

	/** A declaration of {@code name} further down the enclosing kernel (or module), if any. */
	private Referable declaredLater(EObject owner, String name) {
		EObject scope = EcoreUtil2.getContainerOfType(owner, FunctionDef.class);
		if (scope == null) {
			scope = EcoreUtil2.getContainerOfType(owner, Module.class);
		}
		if (scope == null) {
			return null;
		}
		int useOffset = NodeModelUtils.getNode(owner).getOffset();
		for (Referable candidate : EcoreUtil2.getAllContentsOfType(scope, Referable.class)) {
			boolean declares = !(candidate instanceof NameRef use) || LexicalBindings.isAssignmentTarget(use);
			if (declares && candidate != owner && name.equals(Names.nameOf(candidate))) {
				ICompositeNode node = NodeModelUtils.getNode(candidate);
				if (node != null && node.getOffset() > useOffset) {
					return candidate;
				}
			}
		}
		return null;
	}

	private DiagnosticMessage unknownImport(EObject owner, String name) {
		if (owner.eContainer() instanceof FromImportStmt fromImport
				&& (fromImport.getModule() == null || fromImport.getModule().eIsProxy())) {
			return null; // the unknown module is reported, and its names cannot be checked
		}
		String module = owner.eContainer() instanceof FromImportStmt fromImport
				? Names.referenceText(fromImport, AlloPackage.Literals.FROM_IMPORT_STMT__MODULE)
				: "the module";
		List<String> available = new ArrayList<>();
		if (owner.eContainer() instanceof FromImportStmt fromImport && fromImport.getModule() != null
				&& !fromImport.getModule().eIsProxy()) {
			available.addAll(bindings.bindingsOf(fromImport.getModule()).keySet());
		}
		return error("module '" + module + "' has no member '" + name + "'" + Suggestions.didYouMean(name, available),
				IssueCodes.UNKNOWN_IMPORT);
	}

	/** The kernel argument of {@code allo.customize(kernel, ...)}. */
	private static boolean isCustomizedKernel(EObject owner) {
		return owner.eContainer() instanceof Argument argument && argument.getKeyword() == null
				&& argument.eContainer() instanceof CallExpr call && call.getArgs().indexOf(argument) == 0
				&& textOf(call.getCallee()).endsWith("customize");
	}

	private static String textOf(EObject object) {
		ICompositeNode node = NodeModelUtils.getNode(object);
		return node == null ? "?" : NodeModelUtils.getTokenText(node);
	}

	private static DiagnosticMessage error(String message, String code) {
		return new DiagnosticMessage(message, Severity.ERROR, code);
	}
}
