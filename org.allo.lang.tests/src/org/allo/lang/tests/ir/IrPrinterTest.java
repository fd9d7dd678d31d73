package org.allo.lang.tests.ir;

import static org.allo.lang.ir.builder.IrNodes.binary;
import static org.allo.lang.ir.builder.IrNodes.bool;
import static org.allo.lang.ir.builder.IrNodes.buffer;
import static org.allo.lang.ir.builder.IrNodes.cast;
import static org.allo.lang.ir.builder.IrNodes.constant;
import static org.allo.lang.ir.builder.IrNodes.int32;
import static org.allo.lang.ir.builder.IrNodes.intType;
import static org.allo.lang.ir.builder.IrNodes.ref;
import static org.allo.lang.ir.builder.IrNodes.tensor;
import static org.allo.lang.ir.builder.IrNodes.var;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;

import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrBinary;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCast;
import org.allo.lang.ir.IrConstant;
import org.allo.lang.ir.IrDimLayout;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFixedType;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrLayout;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrPartitionKind;
import org.allo.lang.ir.IrReturn;
import org.allo.lang.ir.IrSelect;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrUnary;
import org.allo.lang.ir.IrUnaryOp;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.IrVarRef;
import org.allo.lang.ir.builder.IrNodes;
import org.allo.lang.ir.printer.IrExpressions;
import org.allo.lang.ir.printer.IrPrinter;
import org.allo.lang.ir.printer.IrTypes;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;

/** The IR printer's text: what {@code allo show} prints and golden tests of passes compare. */
class IrPrinterTest {

	private static final IrFactory IR = IrFactory.eINSTANCE;

	@Test
	void scheduledGemmReadsLikeTheSource() {
		IrFunction gemm = IR.createIrFunction();
		gemm.setName("gemm");
		gemm.setTop(true);
		IrBuffer a = buffer("A", tensor(int32(), 4, 4));
		IrBuffer b = buffer("B", tensor(int32(), 4, 4));
		gemm.getParams().addAll(List.of(a, b));
		gemm.getResults().add(tensor(int32(), 4, 4));
		IrBlock body = IR.createIrBlock();
		gemm.setBody(body);
		IrBuffer c = buffer("C", tensor(int32(), 4, 4));
		c.setLayout(layout(IrPartitionKind.NONE, 0, IrPartitionKind.CYCLIC, 2));
		IrAlloc alloc = IR.createIrAlloc();
		alloc.setBuffer(c);
		alloc.setInit(constant(0, int32()));
		body.getStatements().add(alloc);

		IrFor i = loop("i", 4, "C");
		IrFor j = loop("j", 4, "C");
		j.setPipelineII(1);
		IrFor k = loop("k", 4, null);
		k.setReduction(true);
		k.setUnrollFactor(2);
		body.getStatements().add(i);
		i.getBody().getStatements().add(j);
		j.getBody().getStatements().add(k);
		IrExpr product = binary(IrBinaryOp.MUL, load(a, i, k), load(b, k, j), int64());
		IrExpr sum = binary(IrBinaryOp.ADD, load(c, i, j), product, intType(65, true));
		IrStore store = IR.createIrStore();
		store.setBuffer(c);
		store.getIndices().addAll(List.of(loopRef(i), loopRef(j)));
		store.setValue(cast(sum, int32()));
		k.getBody().getStatements().add(store);
		IrReturn ret = IR.createIrReturn();
		IrLoad whole = IR.createIrLoad();
		whole.setBuffer(c);
		whole.setType(tensor(int32(), 4, 4));
		ret.getValues().add(whole);
		body.getStatements().add(ret);

		assertEquals("""
				def gemm(A: int32[4, 4], B: int32[4, 4]) -> int32[4, 4]:  # top
				    C: int32[4, 4] = 0  # partition None, Cyclic(2)
				    for i in range(4):  # band C
				        for j in range(4):  # band C; pipeline II=1
				            for k in range(4):  # reduction; unroll factor=2
				                C[i, j] = int32(C[i, j] + A[i, k] * B[k, j])
				    return C
				""", IrPrinter.print(gemm));
	}

	@Test
	void parenthesesOnlyWherePythonNeedsThem() {
		IrVar x = indexVar("x");
		IrVar y = indexVar("y");
		IrExpr sumTimes = binary(IrBinaryOp.MUL, binary(IrBinaryOp.ADD, ref(x), ref(y), int32()), ref(x), int32());
		assertEquals("(x + y) * x", IrExpressions.print(sumTimes));
		IrExpr leftAssoc = binary(IrBinaryOp.SUB, binary(IrBinaryOp.SUB, ref(x), ref(y), int32()), ref(x), int32());
		assertEquals("x - y - x", IrExpressions.print(leftAssoc));
		IrExpr rightNested = binary(IrBinaryOp.SUB, ref(x), binary(IrBinaryOp.SUB, ref(y), ref(x), int32()), int32());
		assertEquals("x - (y - x)", IrExpressions.print(rightNested));
		IrExpr power = binary(IrBinaryOp.POW, ref(x), binary(IrBinaryOp.POW, ref(y), ref(x), int32()), int32());
		assertEquals("x ** y ** x", IrExpressions.print(power));
		IrUnary negated = IR.createIrUnary();
		negated.setOp(IrUnaryOp.NEG);
		negated.setOperand(binary(IrBinaryOp.POW, ref(x), ref(y), int32()));
		negated.setType(int32());
		assertEquals("-x ** y", IrExpressions.print(negated));
		IrSelect select = IR.createIrSelect();
		select.setCondition(binary(IrBinaryOp.LT, ref(x), ref(y), bool()));
		select.setWhenTrue(ref(x));
		select.setWhenFalse(binary(IrBinaryOp.MAX, ref(x), ref(y), int32()));
		select.setType(int32());
		assertEquals("x if x < y else max(x, y)", IrExpressions.print(select));
		IrExpr shifted = binary(IrBinaryOp.BIT_AND, binary(IrBinaryOp.SHR, ref(x), constant(1, int32()), int32()),
				constant(255, int32()), int32());
		assertEquals("x >> 1 & 255", IrExpressions.print(shifted));
	}

	@Test
	void typesUseAllosNames() {
		IrIntType uint17 = IR.createIrIntType();
		uint17.setBits(17);
		assertEquals("UInt(17)", IrTypes.print(uint17));
		IrFixedType fixed = IR.createIrFixedType();
		fixed.setBits(8);
		fixed.setFracs(3);
		fixed.setSigned(true);
		assertEquals("Fixed(8, 3)[2, 2]", IrTypes.print(tensor(fixed, 2, 2)));
		assertEquals("bool", IrTypes.print(bool()));
		assertEquals("int5", IrTypes.print(intType(5, true)));
		assertEquals("Int(33)", IrTypes.print(intType(33, true)));
	}

	private static IrFor loop(String name, long trips, String band) {
		IrFor loop = IrNodes.loop(indexVar(name), trips);
		loop.setBandName(band);
		return loop;
	}

	private static IrVar indexVar(String name) {
		return var(name, IR.createIrIndexType());
	}

	private static IrLayout layout(IrPartitionKind first, int firstFactor, IrPartitionKind second, int secondFactor) {
		IrLayout layout = IR.createIrLayout();
		layout.getDims().add(dim(first, firstFactor));
		layout.getDims().add(dim(second, secondFactor));
		return layout;
	}

	private static IrDimLayout dim(IrPartitionKind kind, int factor) {
		IrDimLayout dim = IR.createIrDimLayout();
		dim.setKind(kind);
		dim.setFactor(factor);
		return dim;
	}

	private static IrLoad load(IrBuffer buffer, IrFor row, IrFor column) {
		return IrNodes.load(buffer, loopRef(row), loopRef(column));
	}

	private static IrVarRef loopRef(IrFor loop) {
		return ref(loop.getVar());
	}

	private static IrIntType int64() {
		return intType(64, true);
	}
}
