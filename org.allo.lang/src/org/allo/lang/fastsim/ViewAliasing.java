package org.allo.lang.fastsim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrReturn;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrType;
import org.eclipse.emf.ecore.EObject;

/**
 * Decides at compile time whether a view passed to a call can be passed as a copy ({@link ViewArgument})
 * without a difference the interpreter's sharing would show: the callee must not reach the viewed buffer
 * through another argument, through module globals (which parameters may be), nor hand the copy back as
 * its result. A buffer allocated (not stateful) in the calling function is reachable only through the
 * arguments; parameters and globals may share storage with each other.
 */
final class ViewAliasing {

	private final ModuleLayout layout;
	private final IrCall call;
	private final IrLoad view;
	private final String where;

	/** where: "line N: " or "", for the reason of falling back. */
	ViewAliasing(ModuleLayout layout, IrCall call, IrLoad view, String where) {
		this.layout = layout;
		this.call = call;
		this.view = view;
		this.where = where;
	}

	void requireNone() throws Unsupported {
		IrBuffer viewed = view.getBuffer();
		for (IrExpr other : call.getArgs()) {
			if (other != view && mayShare(viewed, other)) {
				throw refused("another argument may share its storage");
			}
		}
		if (!isLocal(viewed) && usesPersistentBuffers(call.getFunction())) {
			throw refused("the callee uses globals, which may share its storage");
		}
		if (mayReturnParameter(call.getFunction())) {
			throw refused("the callee may return it");
		}
	}

	private Unsupported refused(String why) {
		return new Unsupported(where + "a view of '" + view.getBuffer().getName() + "' passed to "
				+ call.getFunction().getName() + " where " + why);
	}

	/** Whether the value may be an array sharing storage with the viewed buffer (null: with any parameter or global). */
	private boolean mayShare(IrBuffer viewed, IrExpr other) {
		if (other instanceof IrCall inner) {
			return inner.getFunction() == null || inner.getFunction().getResults().stream().anyMatch(ViewAliasing::isArray);
		}
		if (!(other instanceof IrLoad load) || !isArray(other.getType())) {
			return false;
		}
		IrBuffer buffer = load.getBuffer();
		return buffer == viewed || !isLocal(buffer) && (viewed == null || !isLocal(viewed));
	}

	private static boolean isArray(IrType type) {
		return !ModuleLayout.isScalar(type) && !(type instanceof IrStreamType);
	}

	private boolean isLocal(IrBuffer buffer) {
		return buffer.eContainer() instanceof IrAlloc && !buffer.isStateful() && !layout.isGlobal(buffer);
	}

	/** Whether the function or one it calls, directly or not, names a global or stateful buffer. */
	private boolean usesPersistentBuffers(IrFunction callee) {
		Set<IrFunction> seen = new HashSet<>();
		Deque<IrFunction> pending = new ArrayDeque<>();
		pending.add(callee);
		while (!pending.isEmpty()) {
			IrFunction function = pending.pop();
			if (function == null || !seen.add(function)) {
				continue;
			}
			var contents = function.eAllContents();
			while (contents.hasNext()) {
				EObject node = contents.next();
				if (node instanceof IrCall inner) {
					pending.add(inner.getFunction());
				}
				for (EObject referenced : node.eCrossReferences()) {
					if (referenced instanceof IrBuffer buffer && (layout.isGlobal(buffer) || buffer.isStateful())) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** Whether a returned tensor may be one of the function's parameters (or anything a call returns). */
	private boolean mayReturnParameter(IrFunction callee) {
		var contents = callee.eAllContents();
		while (contents.hasNext()) {
			if (contents.next() instanceof IrReturn ret) {
				for (IrExpr value : ret.getValues()) {
					if (mayShare(null, value)) {
						return true;
					}
				}
			}
		}
		return false;
	}
}
