package org.allo.lang.lowering;

import java.util.List;

import org.allo.lang.allo.FunctionDef;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Each kernel lowered once per version of its file and shared between the checks that start from
 * its IR (every schedule of the kernel, both sides of each {@code allo.verify}). Callers get their
 * own copy of the module: schedule passes rewrite the IR in place.
 */
@Singleton
public class LoweredKernels {

	@Inject
	private Lowering lowering;

	@Inject
	private IResourceScopeCache cache;

	/** The kernel's lowering; a successful result holds a fresh copy of the module, the caller's to change. */
	public LoweringResult lower(FunctionDef kernel) {
		LoweringResult shared = cache.get(Tuples.pair(LoweredKernels.class, kernel), kernel.eResource(), () -> lowering.lower(kernel));
		return shared.succeeded() ? new LoweringResult(EcoreUtil.copy(shared.module()), List.of(), shared.streamUses()) : shared;
	}
}
