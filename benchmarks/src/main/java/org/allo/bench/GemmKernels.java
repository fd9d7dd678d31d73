package org.allo.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.allo.lang.AlloStandaloneSetup;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.validation.Diagnostic;
import org.allo.lang.validation.ResourceChecker;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;

/** The GEMM kernels of the simulation benchmark, written in Allo, checked and lowered to the IR. */
final class GemmKernels {

	private GemmKernels() {
	}

	/** C = A · B in float32, N×N×N. */
	static String float32(int n) {
		return """
				import allo
				from allo.ir.types import float32


				def gemm(A: float32[%1$d, %1$d], B: float32[%1$d, %1$d]) -> float32[%1$d, %1$d]:
				    C: float32[%1$d, %1$d] = 0.0
				    for i, j, k in allo.grid(%1$d, %1$d, %1$d):
				        C[i, j] += A[i, k] * B[k, j]
				    return C
				""".formatted(n);
	}

	/**
	 * C = A · B with int8 inputs into an int32 accumulator. By Allo's typing rules the product is
	 * Int(16) and the sum Int(33), wrapped to int32 on the store: what Java's int arithmetic does.
	 */
	static String int8(int n) {
		return """
				import allo
				from allo.ir.types import int8, int32


				def gemm(A: int8[%1$d, %1$d], B: int8[%1$d, %1$d]) -> int32[%1$d, %1$d]:
				    C: int32[%1$d, %1$d] = 0
				    for i, j, k in allo.grid(%1$d, %1$d, %1$d):
				        C[i, j] += A[i, k] * B[k, j]
				    return C
				""".formatted(n);
	}

	/** The module lowered from the text's kernel {@code gemm}; refuses text with any diagnostic. */
	static IrModule lower(String text) {
		Injector injector = new AlloStandaloneSetup().createInjectorAndDoEMFRegistration();
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("gemm.allo"));
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<Diagnostic> diagnostics = injector.getInstance(ResourceChecker.class).check(resource);
		if (!diagnostics.isEmpty()) {
			throw new IllegalStateException("the benchmark kernel has diagnostics: " + diagnostics.stream().map(Diagnostic::format).toList());
		}
		FunctionDef kernel = ((Module) resource.getContents().get(0)).getStatements().stream().filter(FunctionDef.class::isInstance)
				.map(FunctionDef.class::cast).findFirst().orElseThrow();
		LoweringResult result = injector.getInstance(Lowering.class).lower(kernel);
		if (!result.succeeded()) {
			throw new IllegalStateException("the benchmark kernel does not lower: " + result.errors());
		}
		return result.module();
	}

	static IrFunction top(IrModule module) {
		return module.getFunctions().stream().filter(IrFunction::isTop).findFirst().orElseThrow();
	}
}
