package org.allo.codegen.kernel;

import java.util.ArrayList;
import java.util.List;

import org.allo.codegen.cpp.CExpr;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrCall;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrValue;

/**
 * Calls between generated functions. Tensors and streams pass by reference (C arrays); scalars by value,
 * converted to the parameter's type; results that are not one scalar come back through trailing output
 * arguments ({@link Signatures}).
 */
final class CallEmitter {

	CExpr call(IrCall call, ExpressionEmitter expressions) {
		return call(call, expressions, List.of());
	}

	/** outputs are the buffers that receive results passed as output arguments. */
	CExpr call(IrCall call, ExpressionEmitter expressions, List<CExpr> outputs) {
		IrFunction callee = call.getFunction();
		List<CExpr> args = new ArrayList<>();
		for (int i = 0; i < call.getArgs().size(); i++) {
			IrExpr arg = call.getArgs().get(i);
			IrValue param = callee.getParams().get(i);
			args.add(param instanceof IrBuffer buffer && !CTypes.shape(buffer.getType()).isEmpty()
					|| CTypes.of(param.getType()).kind() == org.allo.codegen.cpp.CType.Kind.STREAM
							? expressions.emit(arg) : expressions.emitAs(arg, param.getType()));
		}
		args.addAll(outputs);
		return new CExpr.Call(Identifiers.of(callee.getName()), args);
	}
}
