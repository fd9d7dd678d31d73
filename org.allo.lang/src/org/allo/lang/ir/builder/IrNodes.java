package org.allo.lang.ir.builder;

import java.math.BigInteger;
import java.util.List;

import org.allo.lang.ir.IrAssign;
import org.allo.lang.ir.IrBinary;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCast;
import org.allo.lang.ir.IrConstant;
import org.allo.lang.ir.IrDeclare;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFixedType;
import org.allo.lang.ir.IrFloatKind;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrReturn;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.IrVar;
import org.allo.lang.ir.IrVarRef;
import org.allo.lang.ir.IrWhile;
import org.eclipse.emf.ecore.util.EcoreUtil;

/** Factory methods for IR nodes, so that the lowering and the tests build IR the same way. */
public final class IrNodes {

	private static final IrFactory IR = IrFactory.eINSTANCE;

	private IrNodes() {
	}

	public static IrIntType intType(int bits, boolean signed) {
		IrIntType type = IR.createIrIntType();
		type.setBits(bits);
		type.setSigned(signed);
		return type;
	}

	public static IrIntType int32() {
		return intType(32, true);
	}

	public static IrIntType bool() {
		return intType(1, false);
	}

	public static IrFixedType fixed(int bits, int fracs, boolean signed) {
		IrFixedType type = IR.createIrFixedType();
		type.setBits(bits);
		type.setFracs(fracs);
		type.setSigned(signed);
		return type;
	}

	public static IrFloatType floatType(IrFloatKind kind) {
		IrFloatType type = IR.createIrFloatType();
		type.setKind(kind);
		return type;
	}

	public static IrTensorType tensor(IrType element, long... shape) {
		IrTensorType type = IR.createIrTensorType();
		type.setElement(EcoreUtil.copy(element));
		for (long extent : shape) {
			type.getShape().add(extent);
		}
		return type;
	}

	public static IrModule module(IrFunction... functions) {
		IrModule module = IR.createIrModule();
		module.getFunctions().addAll(List.of(functions));
		return module;
	}

	public static IrFunction function(String name, List<? extends IrValue> params, IrType result, IrStatement... body) {
		IrFunction function = IR.createIrFunction();
		function.setName(name);
		function.getParams().addAll(params);
		if (result != null) {
			function.getResults().add(EcoreUtil.copy(result));
		}
		function.setBody(block(body));
		return function;
	}

	public static IrBlock block(IrStatement... statements) {
		IrBlock block = IR.createIrBlock();
		block.getStatements().addAll(List.of(statements));
		return block;
	}

	public static IrVar var(String name, IrType type) {
		IrVar var = IR.createIrVar();
		var.setName(name);
		var.setType(EcoreUtil.copy(type));
		return var;
	}

	public static IrBuffer buffer(String name, IrType type) {
		IrBuffer buffer = IR.createIrBuffer();
		buffer.setName(name);
		buffer.setType(EcoreUtil.copy(type));
		return buffer;
	}

	public static IrConstant constant(long value, IrType type) {
		IrConstant constant = IR.createIrConstant();
		constant.setInteger(BigInteger.valueOf(value));
		constant.setType(EcoreUtil.copy(type));
		return constant;
	}

	public static IrConstant real(double value, IrType type) {
		IrConstant constant = IR.createIrConstant();
		constant.setReal(value);
		constant.setType(EcoreUtil.copy(type));
		return constant;
	}

	public static IrVarRef ref(IrVar var) {
		IrVarRef ref = IR.createIrVarRef();
		ref.setVar(var);
		ref.setType(EcoreUtil.copy(var.getType()));
		return ref;
	}

	public static IrLoad load(IrBuffer buffer, IrExpr... indices) {
		IrLoad load = IR.createIrLoad();
		load.setBuffer(buffer);
		load.getIndices().addAll(List.of(indices));
		IrType type = buffer.getType();
		load.setType(EcoreUtil.copy(indices.length > 0 && type instanceof IrTensorType t ? t.getElement() : type));
		return load;
	}

	public static IrStore store(int line, IrBuffer buffer, IrExpr value, IrExpr... indices) {
		IrStore store = IR.createIrStore();
		store.setLine(line);
		store.setBuffer(buffer);
		store.getIndices().addAll(List.of(indices));
		store.setValue(value);
		return store;
	}

	public static IrBinary binary(IrBinaryOp op, IrExpr left, IrExpr right, IrType type) {
		IrBinary binary = IR.createIrBinary();
		binary.setOp(op);
		binary.setLeft(left);
		binary.setRight(right);
		binary.setType(EcoreUtil.copy(type));
		return binary;
	}

	public static IrCast cast(IrExpr operand, IrType type) {
		IrCast cast = IR.createIrCast();
		cast.setOperand(operand);
		cast.setType(EcoreUtil.copy(type));
		return cast;
	}

	public static IrDeclare declare(IrVar var, IrExpr init) {
		IrDeclare declare = IR.createIrDeclare();
		declare.setVar(var);
		declare.setInit(init);
		return declare;
	}

	public static IrAssign assign(IrVar target, IrExpr value) {
		IrAssign assign = IR.createIrAssign();
		assign.setTarget(target);
		assign.setValue(value);
		return assign;
	}

	public static IrFor loop(IrVar var, long upper, IrStatement... body) {
		IrFor loop = IR.createIrFor();
		loop.setLoopName(var.getName());
		loop.setVar(var);
		loop.setLower(constant(0, var.getType()));
		loop.setUpper(constant(upper, var.getType()));
		loop.setBody(block(body));
		return loop;
	}

	public static IrWhile whileLoop(int line, IrExpr condition, IrStatement... body) {
		IrWhile loop = IR.createIrWhile();
		loop.setLine(line);
		loop.setCondition(condition);
		loop.setBody(block(body));
		return loop;
	}

	public static IrReturn ret(IrExpr... values) {
		IrReturn ret = IR.createIrReturn();
		ret.getValues().addAll(List.of(values));
		return ret;
	}
}
