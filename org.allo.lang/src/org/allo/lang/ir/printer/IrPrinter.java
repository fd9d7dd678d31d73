package org.allo.lang.ir.printer;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.allo.lang.ir.IrAlloc;
import org.allo.lang.ir.IrAssign;
import org.allo.lang.ir.IrBlock;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrConstant;
import org.allo.lang.ir.IrDeclare;
import org.allo.lang.ir.IrDimLayout;
import org.allo.lang.ir.IrEval;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrIf;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrPartitionKind;
import org.allo.lang.ir.IrReturn;
import org.allo.lang.ir.IrStatement;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrStreamPut;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.IrWhile;

/**
 * The IR as text that reads like the source: one line per statement, every schedule decision on
 * the line it applies to ({@code for j in range(48):  # pipeline II=1}). The output is stable, so
 * golden files and step-to-step diffs work ({@code allo show}).
 */
public final class IrPrinter {

	private static final String INDENT = "    ";

	private final StringBuilder out = new StringBuilder();

	private IrPrinter() {
	}

	public static String print(IrModule module) {
		IrPrinter printer = new IrPrinter();
		for (IrBuffer global : module.getGlobals()) {
			String init = global.getInit() == null ? "" : " = " + IrExpressions.print(global.getInit());
			printer.line(0, global.getName() + ": " + IrTypes.print(global.getType()) + " @ Stateful" + init + layoutComment(global));
		}
		boolean first = module.getGlobals().isEmpty();
		for (IrFunction function : module.getFunctions()) {
			if (!first) {
				printer.out.append('\n');
			}
			first = false;
			printer.function(function);
		}
		return printer.out.toString();
	}

	public static String print(IrFunction function) {
		IrPrinter printer = new IrPrinter();
		printer.function(function);
		return printer.out.toString();
	}

	private void function(IrFunction function) {
		String params = function.getParams().stream().map(IrPrinter::declaration).collect(Collectors.joining(", "));
		String results = switch (function.getResults().size()) {
		case 0 -> "";
		case 1 -> " -> " + IrTypes.print(function.getResults().get(0));
		default -> function.getResults().stream().map(IrTypes::print).collect(Collectors.joining(", ", " -> (", ")"));
		};
		List<String> notes = new ArrayList<>();
		if (function.isTop()) {
			notes.add("top");
		}
		if (function.isRegion()) {
			notes.add("region");
		} else if (function.isDataflow()) {
			notes.add("dataflow");
		}
		if (function.isInline()) {
			notes.add("inline");
		}
		if (function.getSourceKernel() != null && !function.getSourceKernel().equals(function.getName())) {
			notes.add("instance of " + function.getSourceKernel() + function.getInstanceArgs());
		}
		line(0, "def " + function.getName() + "(" + params + ")" + results + ":" + comment(notes));
		for (IrValue param : function.getParams()) {
			if (param instanceof IrBuffer buffer && !layoutComment(buffer).isEmpty()) {
				line(1, "# " + buffer.getName() + layoutComment(buffer).substring(3));
			}
		}
		block(function.getBody(), 1);
	}

	private void block(IrBlock block, int depth) {
		if (block == null || block.getStatements().isEmpty()) {
			line(depth, "pass");
			return;
		}
		for (IrStatement statement : block.getStatements()) {
			statement(statement, depth);
		}
	}

	private void statement(IrStatement statement, int depth) {
		if (statement instanceof IrFor loop) {
			forLoop(loop, depth);
		} else if (statement instanceof IrIf branch) {
			line(depth, "if " + IrExpressions.print(branch.getCondition()) + ":");
			block(branch.getThen(), depth + 1);
			if (branch.getElse() != null) {
				line(depth, "else:");
				block(branch.getElse(), depth + 1);
			}
		} else if (statement instanceof IrWhile loop) {
			line(depth, "while " + IrExpressions.print(loop.getCondition()) + ":");
			block(loop.getBody(), depth + 1);
		} else if (statement instanceof IrBlock nested) {
			block(nested, depth);
		} else {
			line(depth, simple(statement));
		}
	}

	private static String simple(IrStatement statement) {
		if (statement instanceof IrAlloc alloc) {
			IrBuffer buffer = alloc.getBuffer();
			String init = alloc.getInit() == null ? "" : " = " + IrExpressions.print(alloc.getInit());
			return declaration(buffer) + init + layoutComment(buffer);
		} else if (statement instanceof IrDeclare declare) {
			String init = declare.getInit() == null ? "" : " = " + IrExpressions.print(declare.getInit());
			return declaration(declare.getVar()) + init;
		} else if (statement instanceof IrAssign assign) {
			return assign.getTarget().getName() + " = " + IrExpressions.print(assign.getValue());
		} else if (statement instanceof IrStore store) {
			return store.getBuffer().getName() + IrExpressions.indicesOrEmpty(store.getIndices()) + " = "
					+ IrExpressions.print(store.getValue());
		} else if (statement instanceof IrStreamPut put) {
			return put.getStream().getName() + IrExpressions.indicesOrEmpty(put.getIndices()) + ".put("
					+ IrExpressions.print(put.getValue()) + ")";
		} else if (statement instanceof IrEval eval) {
			return IrExpressions.print(eval.getExpr());
		} else if (statement instanceof IrReturn ret) {
			return ret.getValues().isEmpty() ? "return"
					: "return " + ret.getValues().stream().map(IrExpressions::print).collect(Collectors.joining(", "));
		}
		throw new IllegalArgumentException("no printer for " + statement.eClass().getName());
	}

	private void forLoop(IrFor loop, int depth) {
		String range = range(loop);
		List<String> notes = new ArrayList<>();
		if (loop.getLoopName() != null && !loop.getLoopName().equals(loop.getVar().getName())) {
			notes.add("loop " + loop.getLoopName());
		}
		if (loop.getBandName() != null) {
			notes.add("band " + loop.getBandName());
		}
		if (loop.isReduction()) {
			notes.add("reduction");
		}
		if (loop.getPipelineII() > 0) {
			notes.add("pipeline II=" + loop.getPipelineII() + (loop.isRewind() ? " rewind" : ""));
		}
		if (loop.getUnrollFactor() == 0) {
			notes.add("unroll");
		} else if (loop.getUnrollFactor() > 0) {
			notes.add("unroll factor=" + loop.getUnrollFactor());
		}
		if (loop.isParallel()) {
			notes.add("parallel");
		}
		if (loop.isDataflow()) {
			notes.add("dataflow");
		}
		line(depth, "for " + loop.getVar().getName() + " in " + range + ":" + comment(notes));
		block(loop.getBody(), depth + 1);
	}

	private static String range(IrFor loop) {
		String lower = IrExpressions.print(loop.getLower());
		String upper = IrExpressions.print(loop.getUpper());
		boolean zeroStart = loop.getLower() instanceof IrConstant constant && constant.getInteger() != null
				&& constant.getInteger().signum() == 0;
		if (loop.getStep() != 1) {
			return "range(" + lower + ", " + upper + ", " + loop.getStep() + ")";
		}
		return zeroStart ? "range(" + upper + ")" : "range(" + lower + ", " + upper + ")";
	}

	private static String declaration(IrValue value) {
		return value.getName() + ": " + IrTypes.print(value.getType()) + memory(value);
	}

	private static String memory(IrValue value) {
		if (value instanceof IrBuffer buffer && (buffer.getResource() != null || buffer.getStorageType() != null)) {
			List<String> args = new ArrayList<>();
			if (buffer.getResource() != null) {
				args.add("resource=\"" + buffer.getResource() + "\"");
			}
			if (buffer.getStorageType() != null) {
				args.add("storage_type=\"" + buffer.getStorageType() + "\"");
			}
			return " @ Memory(" + String.join(", ", args) + ")";
		}
		return "";
	}

	/** "  # partition Cyclic(4), None" for a partitioned buffer; empty otherwise. */
	private static String layoutComment(IrBuffer buffer) {
		if (buffer.getLayout() == null
				|| buffer.getLayout().getDims().stream().allMatch(dim -> dim.getKind() == IrPartitionKind.NONE)) {
			return "";
		}
		return "  # partition " + buffer.getLayout().getDims().stream().map(IrPrinter::dimLayout).collect(Collectors.joining(", "));
	}

	private static String dimLayout(IrDimLayout dim) {
		return switch (dim.getKind()) {
		case NONE -> "None";
		case COMPLETE -> "Complete";
		case BLOCK -> "Block(" + dim.getFactor() + ")";
		case CYCLIC -> "Cyclic(" + dim.getFactor() + ")";
		};
	}

	private static String comment(List<String> notes) {
		return notes.isEmpty() ? "" : "  # " + String.join("; ", notes);
	}

	private void line(int depth, String text) {
		out.append(INDENT.repeat(depth)).append(text).append('\n');
	}
}
