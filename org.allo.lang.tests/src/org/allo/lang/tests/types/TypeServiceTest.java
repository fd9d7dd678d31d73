package org.allo.lang.tests.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.LoopVar;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.scoping.Names;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.types.TensorShape;
import org.allo.lang.types.TypeService;
import org.eclipse.xtext.EcoreUtil2;
import org.junit.jupiter.api.Test;

/** The public type API: types of declarations, shapes and element types of tensors. */
class TypeServiceTest {

	private static final String SOURCE = """
			import allo
			from allo.ir.types import int8, float32, Fixed

			M, N = 4, 2 * 3
			Q = Fixed(12, 4)


			def kernel(A: float32[M, N], x: int8) -> float32[N, M]:
			    C: Q[M + 1] = 0
			    B: float32[N, M] = A.T
			    for i in range(M):
			        C[i] = x
			    return B


			def tmpl[T: (int8, float32), L: int32](V: "T[L, 2]") -> "T[L]":
			    W: T[L] = 0
			    return W
			""";

	private final AlloProject project = new AlloProject();
	private final Module module = project.module(project.add("api.allo", SOURCE));
	private final TypeService types = AlloProject.injector().getInstance(TypeService.class);

	private Referable named(String name) {
		return EcoreUtil2.getAllContentsOfType(module, Referable.class).stream()
				.filter(r -> !(r instanceof org.allo.lang.allo.NameRef) || r.eContainer() instanceof org.allo.lang.allo.TupleExpr
						|| r.eContainer() instanceof org.allo.lang.allo.ExprStmt)
				.filter(r -> name.equals(Names.nameOf(r))).findFirst().orElseThrow();
	}

	@Test
	void declarationsHaveTheirTypes() {
		assertEquals("float32[4, 6]", types.typeOf(named("A")).display());
		assertEquals("int8", types.typeOf(named("x")).display());
		assertEquals("Fixed(12, 4)[5]", types.typeOf(named("C")).display());
		assertEquals("index", types.typeOf(named("i")).display());
		assertEquals("int32", types.typeOf(named("N")).display());
		assertEquals("type Fixed(12, 4)", types.typeOf(named("Q")).display());
		assertEquals("float32[6, 4]", types.returnType((FunctionDef) named("kernel")).display());
	}

	@Test
	void shapesAndElementTypesOfTensors() {
		TensorShape shape = types.shapeOf(named("B"));
		assertEquals(2, shape.rank());
		assertEquals(6L, shape.size(0));
		assertEquals(4L, shape.size(1));
		assertEquals("Fixed(12, 4)", types.elementTypeOf(named("C")).display());
		assertNull(types.shapeOf(named("x")));
	}

	@Test
	void templateParametersStaySymbolic() {
		TensorShape shape = types.shapeOf(named("V"));
		assertEquals(2, shape.rank());
		assertNull(shape.size(0));
		assertEquals(2L, shape.size(1));
		assertEquals("T[L, 2]", types.typeOf(named("V")).display());
		assertEquals("T", types.elementTypeOf(named("W")).display());
	}

	@Test
	void resultsAreCachedPerResource() {
		Param a = (Param) named("A");
		assertSame(types.typeOf(a), types.typeOf(a));
		List<LoopVar> loops = EcoreUtil2.getAllContentsOfType(module, LoopVar.class);
		assertEquals(1, loops.size());
		VarDecl c = (VarDecl) named("C");
		assertEquals("Fixed(12, 4)", types.elementTypeOf(c).display());
	}
}
