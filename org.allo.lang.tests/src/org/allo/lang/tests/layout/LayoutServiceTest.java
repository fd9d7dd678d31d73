package org.allo.lang.tests.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.Param;
import org.allo.lang.layout.LayoutService;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.Test;

/** The layout of a tensor as editors ask for it, and the data a conflict gives its quick fix. */
class LayoutServiceTest {

	private static final String PROGRAM = """
			import allo
			from allo.ir.types import int32


			def inc(X: int32[8, 12]):
			    for i, j in allo.grid(8, 12, name="body"):
			        X[i, j] = X[i, j] + 1


			def top(A: int32[8, 12], B: int32[8, 12]):
			    inc(A)
			    inc(B)


			s_inc = allo.customize(inc)
			s_inc.partition(s_inc.X, partition_type=Partition.Cyclic, dim=2, factor=2)

			s = allo.customize(top)
			s.compose(s_inc)
			s.partition(s.B, partition_type=Partition.Cyclic, dim=2, factor=3)
			s.partition(s.A, partition_type=Partition.Block, dim=1, factor=%s)
			""";

	private final AlloProject project = new AlloProject();
	private final LayoutService layouts = AlloProject.injector().getInstance(LayoutService.class);

	@Test
	void aParameterGetsTheMeetOfEveryPartitionThatReachesIt() {
		Module module = project.module(project.add("meet.allo", PROGRAM.formatted("2")));
		assertEquals("[Block(2), Cyclic(6)]", layouts.layoutOf(param(module, "top", "A")).orElseThrow().toString());
		assertEquals("[Block(2), Cyclic(6)]", layouts.layoutOf(param(module, "inc", "X")).orElseThrow().toString());
	}

	@Test
	void aFactorThatReachesTheSizeIsComplete() {
		Module module = project.module(project.add("complete.allo", PROGRAM.formatted("8")));
		assertEquals("[Complete, Cyclic(6)]", layouts.layoutOf(param(module, "top", "B")).orElseThrow().toString());
	}

	@Test
	void aConflictCarriesThePartitionCallThatWouldAgree() {
		String program = PROGRAM.formatted("2").replace("dim=2, factor=3", "dim=2, factor=3)\ns.partition(s.A, partition_type=Partition.Block, dim=2, factor=4");
		Resource resource = project.add("conflict.allo", program);
		List<Issue> issues = AlloProject.injector().getInstance(IResourceValidator.class)
				.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl).stream()
				.filter(issue -> IssueCodes.LAYOUT_MISMATCH.equals(issue.getCode())).toList();
		assertEquals(List.of("s.partition(s.A, partition_type=Partition.Cyclic, dim=2, factor=2)",
				"s.partition(s.B, partition_type=Partition.Block, dim=2, factor=4)",
				"s_inc.partition(s_inc.X, partition_type=Partition.Block, dim=2, factor=4)"),
				issues.stream().map(issue -> issue.getData()[0]).sorted().toList());
	}

	private static Param param(Module module, String kernel, String name) {
		for (FunctionDef function : EcoreUtil2.getAllContentsOfType(module, FunctionDef.class)) {
			if (kernel.equals(function.getName())) {
				return function.getParams().stream().filter(p -> name.equals(p.getName())).findFirst().orElseThrow();
			}
		}
		throw new AssertionError("no kernel " + kernel);
	}
}
