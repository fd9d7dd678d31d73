package org.allo.codegen.kernel;

import java.util.ArrayList;
import java.util.List;

import org.allo.codegen.cpp.CParam;
import org.allo.codegen.cpp.CType;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrValue;

/**
 * How IR functions other than the top become C++ functions: tensors are arrays, streams references,
 * scalars values. One scalar result is the C++ return value; otherwise results are trailing output
 * parameters {@code out0, out1, …} (arrays, or references for scalars).
 */
final class Signatures {

	private Signatures() {
	}

	static boolean returnsScalar(IrFunction function) {
		return function.getResults().size() == 1 && CTypes.shape(function.getResults().get(0)).isEmpty();
	}

	static CType result(IrFunction function) {
		return returnsScalar(function) ? CTypes.of(function.getResults().get(0)) : CType.VOID;
	}

	static String output(int index) {
		return "out" + index;
	}

	static List<CParam> params(IrFunction function) {
		List<CParam> params = new ArrayList<>();
		for (IrValue param : function.getParams()) {
			params.add(param(param.getType(), Identifiers.of(param.getName()), false));
		}
		if (!returnsScalar(function)) {
			for (int i = 0; i < function.getResults().size(); i++) {
				params.add(param(function.getResults().get(i), output(i), true));
			}
		}
		return params;
	}

	private static CParam param(IrType type, String name, boolean output) {
		CType element = CTypes.of(type);
		List<Long> shape = CTypes.shape(type);
		if (!shape.isEmpty()) {
			return new CParam(element, name, CParam.Form.ARRAY, shape);
		}
		boolean reference = output || element.kind() == CType.Kind.STREAM;
		return new CParam(element, name, reference ? CParam.Form.REFERENCE : CParam.Form.VALUE, List.of());
	}
}
