package org.allo.codegen.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.allo.codegen.CodegenException;
import org.allo.codegen.cpp.CExpr;
import org.allo.codegen.cpp.CFunction;
import org.allo.codegen.cpp.CParam;
import org.allo.codegen.cpp.CStmt;
import org.allo.codegen.cpp.CType;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrReturn;
import org.allo.lang.ir.IrNamed;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.query.WrittenParameters;

/**
 * The top function as a Vitis kernel (Allo's {@code wrap_io=True}): every array argument is an {@code m_axi}
 * pointer with its own bundle {@code gmemN}, copied into an on-chip buffer {@code NAME_buf} (where its
 * partition and storage pragmas apply) before the body and back after it when the kernel writes it;
 * scalars and the control port are {@code s_axilite}; results are output pointers {@code output_N}.
 */
final class TopEmitter {

	private final IrFunction top;
	private final FunctionEmitter emitter;
	private final List<IrBuffer> written = new ArrayList<>();
	private final Map<IrValue, String> buffers = new HashMap<>();

	TopEmitter(IrFunction top, FunctionEmitter emitter) {
		this.top = top;
		this.emitter = emitter;
	}

	static String outputName(int index) {
		return "output_" + index;
	}

	/**
	 * {@code NAME_buf}, or {@code NAME_buf_1}, … when the function already has a value of that name (a
	 * {@code buffer_at} of the argument is also called {@code NAME_buf}).
	 */
	private String bufferName(IrValue param) {
		return buffers.computeIfAbsent(param, p -> {
			Set<String> taken = new HashSet<>();
			top.eAllContents().forEachRemaining(o -> {
				if (o instanceof IrNamed named) {
					taken.add(Identifiers.of(named.getName()));
				}
			});
			taken.addAll(buffers.values());
			String wanted = Identifiers.of(p.getName()) + "_buf";
			String name = wanted;
			for (int i = 1; taken.contains(name); i++) {
				name = wanted + "_" + i;
			}
			return name;
		});
	}

	CFunction emit() {
		List<CParam> params = new ArrayList<>();
		List<CStmt> interfaces = new ArrayList<>();
		List<CStmt> loads = new ArrayList<>();
		int bundle = 0;
		for (IrValue param : top.getParams()) {
			String port = Identifiers.of(param.getName());
			CType type = CTypes.of(param.getType());
			List<Long> shape = CTypes.shape(param.getType());
			if (type.kind() == CType.Kind.STREAM) {
				throw new CodegenException("top function '" + top.getName() + "' takes stream '" + param.getName()
						+ "'; streams between kernels belong inside the top (a dataflow region declares them): pass a tensor instead");
			}
			if (shape.isEmpty()) {
				params.add(new CParam(type, port, CParam.Form.VALUE, List.of()));
				interfaces.add(new CStmt.Pragma(Pragmas.axilite(port)));
				emitter.bind(param, port);
				continue;
			}
			params.add(FunctionEmitter.pointer(type, port));
			interfaces.add(new CStmt.Pragma(Pragmas.maxi(port, bundle++)));
			String buffer = bufferName(param);
			emitter.bind(param, buffer);
			loads.add(new CStmt.Declare(type, buffer, shape, null, false));
			loads.addAll(emitter.bufferPragmas((IrBuffer) param, buffer));
			CExpr pointer = new CExpr.Name(port);
			CExpr local = new CExpr.Name(buffer);
			loads.addAll(emitter.copy("l_load_" + port, shape, index -> new CStmt.ExprStmt(new CExpr.Assign(new CExpr.Index(local, index),
					new CExpr.Index(pointer, List.of(FunctionEmitter.flatIndex(index, shape))))), true));
			if (WrittenParameters.writes(top, (IrBuffer) param)) {
				written.add((IrBuffer) param);
			}
		}
		for (int i = 0; i < top.getResults().size(); i++) {
			params.add(FunctionEmitter.pointer(CTypes.of(top.getResults().get(i)), outputName(i)));
			interfaces.add(new CStmt.Pragma(Pragmas.maxi(outputName(i), bundle++)));
		}
		interfaces.add(new CStmt.Pragma(Pragmas.axilite("return")));
		List<CStmt> body = new ArrayList<>(interfaces);
		if (top.isInline()) {
			body.add(new CStmt.Pragma(Pragmas.inline()));
		}
		if (top.isDataflow()) {
			body.add(new CStmt.Pragma(Pragmas.dataflow()));
		}
		body.addAll(loads);
		List<CStmt> main = emitter.body(this::onReturn);
		body.addAll(main);
		boolean returnsAtEnd = !top.getBody().getStatements().isEmpty()
				&& top.getBody().getStatements().get(top.getBody().getStatements().size() - 1) instanceof IrReturn;
		if (!returnsAtEnd) {
			body.addAll(writeBack());
		}
		return new CFunction(CType.VOID, Identifiers.of(top.getName()), params, body);
	}

	private List<CStmt> onReturn(IrReturn ret, FunctionEmitter self) {
		List<CStmt> out = new ArrayList<>(writeBack());
		for (int i = 0; i < ret.getValues().size(); i++) {
			IrType type = top.getResults().get(i);
			List<Long> shape = CTypes.shape(type);
			CExpr pointer = new CExpr.Name(outputName(i));
			out.addAll(emitter.store(ret.getValues().get(i), type, "l_store_" + outputName(i),
					index -> new CExpr.Index(pointer, List.of(index.isEmpty() ? new CExpr.Literal("0") : FunctionEmitter.flatIndex(index, shape))),
					true));
		}
		out.add(new CStmt.Return(null));
		return out;
	}

	/** Copies the on-chip buffers of the arguments the kernel writes back to their ports. */
	private List<CStmt> writeBack() {
		List<CStmt> out = new ArrayList<>();
		for (IrBuffer param : written) {
			String port = Identifiers.of(param.getName());
			List<Long> shape = CTypes.shape(param.getType());
			CExpr pointer = new CExpr.Name(port);
			CExpr local = new CExpr.Name(bufferName(param));
			out.addAll(emitter.copy("l_store_" + port, shape, index -> new CStmt.ExprStmt(new CExpr.Assign(
					new CExpr.Index(pointer, List.of(FunctionEmitter.flatIndex(index, shape))), new CExpr.Index(local, index))), true));
		}
		return out;
	}
}
