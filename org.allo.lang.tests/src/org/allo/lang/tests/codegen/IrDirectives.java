package org.allo.lang.tests.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrDimLayout;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFor;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrLayout;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrPartitionKind;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrValue;
import org.eclipse.emf.ecore.EObject;

/**
 * Sets IR attributes directly, for generator cases that a schedule in the file does not express yet
 * (a case with a schedule has it applied first). A case states them in header lines:
 * <pre>
 * # apply: pipeline LOOP II [rewind]      # apply: unroll LOOP FACTOR     # apply: parallel LOOP
 * # apply: dataflow LOOP|FUNCTION         # apply: inline FUNCTION
 * # apply: partition BUFFER DIM complete|block|cyclic [FACTOR]    (DIM 1-based)
 * # apply: storage BUFFER RESOURCE STORAGE_TYPE
 * </pre>
 * Loops are named by loop name or induction variable, buffers by name, in any function of the module.
 */
final class IrDirectives {

	private static final Pattern DIRECTIVE = Pattern.compile("^# apply: (\\w+) (.*)$", Pattern.MULTILINE);

	private IrDirectives() {
	}

	static void apply(String source, IrModule module) {
		Matcher matcher = DIRECTIVE.matcher(source);
		while (matcher.find()) {
			String[] args = matcher.group(2).trim().split("\\s+");
			switch (matcher.group(1)) {
			case "pipeline" -> {
				IrFor loop = loop(module, args[0]);
				loop.setPipelineII(Integer.parseInt(args[1]));
				loop.setRewind(args.length > 2 && args[2].equals("rewind"));
			}
			case "unroll" -> loop(module, args[0]).setUnrollFactor(Integer.parseInt(args[1]));
			case "parallel" -> loop(module, args[0]).setParallel(true);
			case "dataflow" -> dataflow(module, args[0]);
			case "inline" -> function(module, args[0]).setInline(true);
			case "partition" -> partition(buffer(module, args[0]), Integer.parseInt(args[1]), args[2],
					args.length > 3 ? Integer.parseInt(args[3]) : 0);
			case "storage" -> {
				IrBuffer buffer = buffer(module, args[0]);
				buffer.setResource(args[1]);
				buffer.setStorageType(args[2]);
			}
			default -> throw new IllegalArgumentException("unknown directive: " + matcher.group());
			}
		}
	}

	private static void dataflow(IrModule module, String name) {
		IrFunction function = module.getFunctions().stream().filter(f -> f.getName().equals(name)).findFirst().orElse(null);
		if (function != null) {
			function.setDataflow(true);
		} else {
			loop(module, name).setDataflow(true);
		}
	}

	private static void partition(IrBuffer buffer, int dim, String kind, int factor) {
		IrTensorType type = (IrTensorType) buffer.getType();
		if (buffer.getLayout() == null) {
			IrLayout layout = IrFactory.eINSTANCE.createIrLayout();
			for (int d = 0; d < type.getShape().size(); d++) {
				IrDimLayout none = IrFactory.eINSTANCE.createIrDimLayout();
				none.setKind(IrPartitionKind.NONE);
				layout.getDims().add(none);
			}
			buffer.setLayout(layout);
		}
		IrDimLayout layout = buffer.getLayout().getDims().get(dim - 1);
		layout.setKind(IrPartitionKind.getByName(kind.toUpperCase()));
		layout.setFactor(factor);
	}

	private static IrFunction function(IrModule module, String name) {
		return module.getFunctions().stream().filter(f -> f.getName().equals(name)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no function " + name));
	}

	private static IrFor loop(IrModule module, String name) {
		return all(module, IrFor.class).stream()
				.filter(loop -> name.equals(loop.getLoopName()) || name.equals(loop.getVar().getName())).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no loop " + name));
	}

	private static IrBuffer buffer(IrModule module, String name) {
		List<IrBuffer> buffers = new ArrayList<>(all(module, IrBuffer.class));
		return buffers.stream().filter(b -> name.equals(((IrValue) b).getName())).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no buffer " + name));
	}

	private static <T> List<T> all(IrModule module, Class<T> type) {
		List<T> found = new ArrayList<>();
		for (var contents = module.eAllContents(); contents.hasNext();) {
			EObject next = contents.next();
			if (type.isInstance(next)) {
				found.add(type.cast(next));
			}
		}
		return found;
	}
}
