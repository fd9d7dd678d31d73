package org.allo.lang.tests.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.allo.lang.allo.ExprStmt;
import org.allo.lang.allo.LoopVar;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.SubscriptExpr;
import org.allo.lang.layout.BankConflicts;
import org.allo.lang.layout.BankConflicts.Access;
import org.allo.lang.layout.DimLayout;
import org.allo.lang.layout.DimLayout.Kind;
import org.allo.lang.layout.Layout;
import org.allo.lang.layout.LayoutGraph;
import org.allo.lang.layout.LayoutVariable;
import org.allo.lang.tests.AlloProject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.junit.jupiter.api.Test;

/** Elements per bank per cycle for the copies of an unrolled loop, on hand-checked cases. */
class BankConflictsTest {

	private static final int SIZE = 16;

	private final AlloProject project = new AlloProject();

	/** The accesses of the single statement in {@code for i in <loop>: <statement>} over A: int32[16, 16]. */
	private List<Access> accesses(String loop, String statement) {
		Module module = project.module(project.add("banks.allo", """
				def k(A: int32[16, 16], B: int32[16, 16]):
				    for i in %s:
				        for j in range(16):
				            %s
				""".formatted(loop, statement)));
		LoopVar i = EcoreUtil2.getAllContentsOfType(module, LoopVar.class).get(0);
		List<Access> result = new ArrayList<>();
		for (SubscriptExpr subscript : EcoreUtil2.getAllContentsOfType(module.eContents().get(0), SubscriptExpr.class)) {
			if (EcoreUtil2.getContainerOfType(subscript, ExprStmt.class) != null && "A".equals(text(subscript))) {
				result.add(BankConflicts.access(subscript, i));
			}
		}
		return result;
	}

	private static String text(SubscriptExpr subscript) {
		return NodeModelUtils.getTokenText(NodeModelUtils.getNode(subscript.getTarget()));
	}

	private static int perBank(List<Access> accesses, DimLayout rows, DimLayout columns, int unroll, int stride) {
		LayoutVariable a = new LayoutGraph().addVariable("A", "k", LayoutVariable.Role.PARAMETER, SIZE, SIZE);
		return BankConflicts.perBank(accesses, new Layout(List.of(rows, columns)), a, unroll, stride);
	}

	private static DimLayout cyclic(int factor) {
		return DimLayout.of(Kind.CYCLIC, factor, SIZE);
	}

	@Test
	void consecutiveRowsShareCyclicBanksInTurn() {
		List<Access> rowAccess = accesses("range(16)", "B[i, j] = A[i, j]");
		assertEquals(2, perBank(rowAccess, cyclic(2), DimLayout.NONE, 4, 1));
		assertEquals(1, perBank(rowAccess, cyclic(4), DimLayout.NONE, 4, 1));
		assertEquals(4, perBank(rowAccess, DimLayout.NONE, cyclic(4), 4, 1), "the columns do not spread row accesses");
	}

	@Test
	void aStrideSkipsBanks() {
		List<Access> rowAccess = accesses("range(0, 16, 2)", "B[i, j] = A[i, j]");
		assertEquals(2, perBank(rowAccess, cyclic(4), DimLayout.NONE, 4, 2));
		assertEquals(1, perBank(rowAccess, cyclic(8), DimLayout.NONE, 4, 2));
	}

	@Test
	void neighbouringReadsCountEachElementOnce() {
		List<Access> pair = accesses("range(15)", "B[i, j] = A[i, j] + A[i + 1, j] + A[i, j]");
		assertEquals(3, pair.size());
		assertEquals(2, perBank(pair, cyclic(2), DimLayout.NONE, 2, 1));
		assertEquals(1, perBank(pair, cyclic(3), DimLayout.NONE, 2, 1));
	}

	@Test
	void consecutiveRowsFallIntoOneBlock() {
		List<Access> rowAccess = accesses("range(16)", "B[i, j] = A[i, j]");
		assertEquals(4, perBank(rowAccess, DimLayout.of(Kind.BLOCK, 2, SIZE), DimLayout.NONE, 4, 1));
		assertEquals(1, perBank(rowAccess, DimLayout.COMPLETE, DimLayout.NONE, 4, 1));
	}

	@Test
	void anIndexOtherThanLoopPlusConstantIsNotAnalysed() {
		assertNull(accesses("range(8)", "B[i, j] = A[2 * i, j]").get(0));
	}
}
