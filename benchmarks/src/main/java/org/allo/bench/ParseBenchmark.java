package org.allo.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.allo.lang.AlloStandaloneSetup;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Time to parse one kernel into its AST (lexing, layout tokens, parsing; no linking). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParseBenchmark {

	private static final String GEMM = """
			def gemm(A: "int32[32, 32]", B: "int32[32, 32]") -> "int32[32, 32]":
			    C: int32[32, 32] = 0
			    for i, j in allo.grid(32, 32, name="C"):
			        for k in allo.reduction(32):
			            C[i, j] += A[i, k] * B[k, j]
			    return C
			""";

	private XtextResourceSet resourceSet;
	private byte[] source;

	@Setup
	public void setUp() throws IOException {
		resourceSet = new AlloStandaloneSetup().createInjectorAndDoEMFRegistration()
				.getInstance(XtextResourceSet.class);
		source = GEMM.getBytes(StandardCharsets.UTF_8);
		// Measuring error recovery instead of parsing would be meaningless: refuse to start.
		XtextResource resource = load();
		if (resource.getParseResult().hasSyntaxErrors()) {
			throw new IllegalStateException("benchmark input does not parse: " + resource.getErrors());
		}
	}

	@Benchmark
	public EObject parse() throws IOException {
		return load().getParseResult().getRootASTElement();
	}

	private XtextResource load() throws IOException {
		XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("bench.allo"));
		resource.load(new ByteArrayInputStream(source), null);
		// Keep the resource set from growing across invocations.
		resourceSet.getResources().remove(resource);
		return resource;
	}
}
