package org.allo.lang.scoping;

import java.util.List;

import org.allo.lang.allo.AlloPackage;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.MemberExpr;
import org.allo.lang.allo.ImportStmt;
import org.allo.lang.allo.ImportedName;
import org.allo.lang.allo.LoopVar;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.TypeParam;
import org.allo.lang.allo.VarDecl;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * The name a {@link Referable} binds, read from the source text where the model holds only a
 * reference (an implicit declaration {@code x = ...}, an import), so computing scopes never
 * triggers linking.
 */
public final class Names {

	/** Imports re-exporting imports: a bound that stops a (wrong) cycle of them. */
	private static final int MAX_IMPORT_CHAIN = 16;

	private Names() {
	}

	public static String nameOf(Referable referable) {
		if (referable instanceof FunctionDef f) {
			return f.getName();
		} else if (referable instanceof ClassDef c) {
			return c.getName();
		} else if (referable instanceof Param p) {
			return p.getName();
		} else if (referable instanceof TypeParam t) {
			return t.getName();
		} else if (referable instanceof VarDecl v) {
			return v.getName();
		} else if (referable instanceof LoopVar l) {
			return l.getName();
		} else if (referable instanceof NameRef n) {
			return referenceText(n, AlloPackage.Literals.NAME_REF__REF);
		} else if (referable instanceof ImportedName i) {
			return i.getAlias() != null ? i.getAlias() : referenceText(i, AlloPackage.Literals.IMPORTED_NAME__TARGET);
		} else if (referable instanceof ImportStmt i) {
			if (i.getAlias() != null) {
				return i.getAlias();
			}
			String module = referenceText(i, AlloPackage.Literals.IMPORT_STMT__MODULE);
			int dot = module.indexOf('.');
			return dot < 0 ? module : module.substring(0, dot);
		}
		return null;
	}

	/** What a name or member expression refers to, looking through imports; null when unresolved. */
	public static Referable targetOf(Expr expr) {
		Referable target = expr instanceof NameRef name ? name.getRef()
				: expr instanceof MemberExpr member ? member.getMember() : null;
		for (int depth = 0; target instanceof ImportedName imported && depth < MAX_IMPORT_CHAIN; depth++) {
			target = imported.getTarget();
		}
		return target == null || target.eIsProxy() ? null : target;
	}

	/** The text written for a cross-reference, without hidden tokens; "" when there is none. */
	public static String referenceText(EObject owner, EReference reference) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(owner, reference);
		if (nodes.isEmpty()) {
			return "";
		}
		return NodeModelUtils.getTokenText(nodes.get(0)).replace(" ", "");
	}
}
