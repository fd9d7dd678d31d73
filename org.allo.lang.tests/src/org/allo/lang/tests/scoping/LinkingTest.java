package org.allo.lang.tests.scoping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.ImportedName;
import org.allo.lang.allo.LoopVar;
import org.allo.lang.allo.MemberExpr;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.TypeParam;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.scoping.Names;
import org.allo.lang.tests.AlloProject;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.junit.jupiter.api.Test;

/** What names resolve to: lexical rules, imports, the standard library, members and other files. */
class LinkingTest {

	private final AlloProject project = new AlloProject();

	@Test
	void namesInAKernelResolveToParametersLoopsAndLocals() {
		Resource resource = project.add("gemm.allo", """
				import allo

				def gemm[T: (int32, float32), M: int32](A: "T[M, M]", B: "T[M, M]") -> "T[M, M]":
				    C: T[M, M] = 0
				    for i, j in allo.grid(M, M):
				        for k in allo.reduction(M):
				            C[i, j] += A[i, k] * B[k, j]
				    return C
				""");
		assertEquals(List.of(), project.formatted(resource));
		assertInstanceOf(TypeParam.class, target(resource, "T", 0), "T in the string annotation");
		assertInstanceOf(VarDecl.class, target(resource, "C", 1));
		assertInstanceOf(LoopVar.class, target(resource, "k", 0));
		assertInstanceOf(Param.class, target(resource, "A", 0));
		assertInstanceOf(FunctionDef.class, member(resource, "grid"), "allo.grid from the standard library");
	}

	@Test
	void anAssignmentDeclaresANameOnlyTheFirstTime() {
		Resource resource = project.add("assign.allo", """
				import allo.dataflow as df

				def k(A: int32[4]):
				    i, j = df.get_pid()
				    x = 1
				    x = x + i
				    A[j] = x
				""");
		assertEquals(List.of(), project.formatted(resource));
		NameRef firstX = names(resource, "x").get(0);
		assertSame(firstX, firstX.getRef(), "the first assignment declares x");
		for (NameRef use : names(resource, "x")) {
			assertSame(firstX, use.getRef(), "every later x means the first one");
		}
	}

	@Test
	void typesComeFromThePreludeAndImportsFromTheirModules() {
		Resource resource = project.add("types.allo", """
				from allo.ir.types import int8, Fixed

				def f(A: int8[4], B: Fixed(8, 3)[4], C: float32[4]):
				    C[0] = float(A[0]) + float(B[0])
				""");
		assertEquals(List.of(), project.formatted(resource));
		assertInstanceOf(ImportedName.class, target(resource, "int8", 0));
		Referable float32 = target(resource, "float32", 0);
		assertEquals("allo.ir.types", moduleNameOf(float32), "float32 comes from the prelude");
		assertEquals("builtins", moduleNameOf(target(resource, "float", 0)));
	}

	@Test
	void scheduleMembersNameTheKernelsTensorsAndPrimitives() {
		Resource resource = project.add("sched.allo", """
				import allo

				def add(A: int32[16], B: int32[16]):
				    acc: int32[16] = 0
				    for i in range(16):
				        acc[i] = A[i] + 1
				        B[i] = acc[i]

				s = allo.customize(add)
				s.partition(s.acc, partition_type=Partition.Cyclic, dim=1, factor=4)
				s.pipeline("i")
				""");
		assertEquals(List.of(), project.formatted(resource));
		assertInstanceOf(VarDecl.class, member(resource, "acc"));
		Referable partition = member(resource, "partition");
		assertInstanceOf(FunctionDef.class, partition);
		assertEquals("Schedule", EcoreUtil2.getContainerOfType(partition, ClassDef.class).getName());
		assertInstanceOf(ClassDef.class, target(resource, "Partition", 0), "Partition is always in scope");
	}

	@Test
	void importsLinkToOtherFilesOfTheProject() {
		project.add("kernels.allo", """
				def double(A: int32[8], B: int32[8]):
				    for i in range(8):
				        B[i] = A[i] * 2
				""");
		Resource user = project.add("user.allo", """
				import allo
				from kernels import double

				s = allo.customize(double)
				s.unroll("i", factor=2)
				""");
		assertEquals(List.of(), project.formatted(user));
		ImportedName imported = EcoreUtil2.getAllContentsOfType(project.module(user), ImportedName.class).get(0);
		assertInstanceOf(FunctionDef.class, imported.getTarget());
		assertTrue(imported.getTarget().eResource().getURI().toString().endsWith("kernels.allo"));
	}

	@Test
	void aNameDeclaredLaterInTheKernelIsReportedWithItsLine() {
		Resource resource = project.add("later.allo", """
				def f(A: int32[4]):
				    A[0] = total
				    total: int32 = 0
				""");
		assertEquals(List.of("2:12: error: 'total' is used before its declaration on line 3; declare it before this use"
				+ " [allo.link.used-before-declaration]"), project.formatted(resource));
	}

	@Test
	void anUnknownLoopListsTheLoopsThatExist() {
		Resource resource = project.add("loops.allo", """
				import allo

				def f(A: int32[4, 4]):
				    for row, column in allo.grid(4, 4):
				        A[row, column] = row

				s = allo.customize(f)
				s.split("colum", 2)
				""");
		assertEquals(List.of("8:9: error: unknown loop 'colum' in kernel f; loops are: row, column; did you mean 'column'?"
				+ " [allo.schedule.unknown-loop]"), project.formatted(resource));
	}

	@Test
	void namesASplitCreatesExistFromTheNextStepOn() {
		Resource resource = project.add("split.allo", """
				import allo

				def f(A: int32[16]):
				    for i in range(16):
				        A[i] = i

				s = allo.customize(f)
				s.split("i", 4)
				s.pipeline("i.inner")
				s.unroll("i.outer")
				""");
		assertEquals(List.of(), project.formatted(resource));
	}

	private List<NameRef> names(Resource resource, String name) {
		return EcoreUtil2.getAllContentsOfType(project.module(resource), NameRef.class).stream()
				.filter(ref -> name.equals(Names.nameOf(ref))).toList();
	}

	private Referable target(Resource resource, String name, int occurrence) {
		return names(resource, name).get(occurrence).getRef();
	}

	private Referable member(Resource resource, String name) {
		Module module = project.module(resource);
		for (MemberExpr member : EcoreUtil2.getAllContentsOfType(module, MemberExpr.class)) {
			if (name.equals(NodeModelUtils.getTokenText(NodeModelUtils.findNodesForFeature(member,
					org.allo.lang.allo.AlloPackage.Literals.MEMBER_EXPR__MEMBER).get(0)))) {
				return member.getMember();
			}
		}
		throw new AssertionError("no member ." + name);
	}

	private static String moduleNameOf(EObject object) {
		return AlloProject.injector().getInstance(org.allo.lang.scoping.ModuleNames.class)
				.moduleName(object.eResource().getURI());
	}
}
