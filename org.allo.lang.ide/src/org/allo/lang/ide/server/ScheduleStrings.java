package org.allo.lang.ide.server;

import java.util.ArrayList;
import java.util.List;

import org.allo.lang.allo.ForStmt;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.LoopVar;
import org.allo.lang.allo.Module;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.StringLiteral;
import org.allo.lang.layout.LayoutService;
import org.allo.lang.schedule.LoopTable;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.RoleArgument;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.schedule.ScheduleSteps.Step;
import org.allo.lang.scoping.Members;
import org.allo.lang.scoping.Names;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.TextRegion;

import com.google.inject.Inject;

/**
 * The names written in schedule strings ({@code "j"}, {@code "gemm:j"}, {@code "C.j"},
 * {@code "i.outer"}, {@code "A"}) as references: what each part names, and where a loop, tensor or
 * kernel is named in strings, for hover, navigation, highlights and rename.
 */
public class ScheduleStrings {

	/** A band of loops, which has no declaration of its own: its outermost loop stands for it. */
	public record Band(String name, FunctionDef kernel, EObject outermost) {
	}

	/** One part of a schedule string: the text region it occupies in the file and what it names. */
	public record Part(StringLiteral literal, TextRegion region, Object target) {
	}

	@Inject
	private Members members;

	@Inject
	private LayoutService layouts;

	/** What the string names (its last part: the loop of {@code "gemm:j"}); null when unresolved. */
	public Object targetOf(StringLiteral literal) {
		List<Part> parts = partsOf(literal);
		return parts.isEmpty() ? null : parts.get(parts.size() - 1).target();
	}

	/** The part of a schedule string at a file offset; null when there is none. */
	public Part partAt(StringLiteral literal, int offset) {
		for (Part part : partsOf(literal)) {
			if (part.region().getOffset() <= offset && offset <= part.region().getOffset() + part.region().getLength()) {
				return part;
			}
		}
		return null;
	}

	/** Every part of every schedule string of the module that names {@code target}. */
	public List<Part> occurrencesOf(Object target, Module module) {
		List<Part> result = new ArrayList<>();
		for (StringLiteral literal : literals(module)) {
			for (Part part : partsOf(literal)) {
				if (target.equals(part.target())) {
					result.add(part);
				}
			}
		}
		return result;
	}

	/** The string arguments of every step that play a role (loop, tensor, band, kernel). */
	public List<StringLiteral> literals(Module module) {
		List<StringLiteral> result = new ArrayList<>();
		for (Schedule schedule : ScheduleSteps.of(module)) {
			for (Step step : schedule.steps()) {
				for (RoleArgument argument : ScheduleSteps.roleArguments(step)) {
					if (argument.value() instanceof StringLiteral literal && literal.getValue() != null) {
						result.add(literal);
					}
				}
			}
		}
		return result;
	}

	/** The parts of one schedule string with their targets; empty when it is no schedule reference. */
	public List<Part> partsOf(StringLiteral literal) {
		Module module = EcoreUtil2.getContainerOfType(literal, Module.class);
		Reference reference = module == null ? null : referenceOf(module, literal);
		ICompositeNode node = NodeModelUtils.getNode(literal);
		String text = literal.getValue();
		if (reference == null || node == null || text == null) {
			return List.of();
		}
		// The value starts after the opening quote; schedule strings have no escapes.
		String token = NodeModelUtils.getTokenText(node);
		int start = node.getOffset() + (token.startsWith("\"\"\"") || token.startsWith("'''") ? 3 : 1);
		List<Part> parts = new ArrayList<>();
		FunctionDef kernel = reference.schedule().kernel();
		int colon = text.indexOf(':');
		String name = text;
		int nameStart = start;
		if (colon >= 0) {
			kernel = layouts.kernelNamed(literal, text.substring(0, colon));
			parts.add(new Part(literal, new TextRegion(start, colon), kernel));
			name = text.substring(colon + 1);
			nameStart = start + colon + 1;
		}
		if (kernel == null) {
			return parts;
		}
		switch (reference.role()) {
		case "LoopRef", "LoopOrKernelRef" -> loopParts(literal, kernel, name, nameStart, colon < 0, parts);
		case "TensorRef" -> parts.add(new Part(literal, new TextRegion(nameStart, name.length()), tensor(kernel, name)));
		case "BandRef", "BandOrKernelRef" -> bandParts(literal, kernel, name, nameStart, colon < 0, parts);
		case "KernelRef" -> parts.add(new Part(literal, new TextRegion(nameStart, name.length()),
				layouts.kernelNamed(literal, name)));
		default -> {
		}
		}
		return parts;
	}

	private void loopParts(StringLiteral literal, FunctionDef kernel, String name, int start, boolean orKernel, List<Part> parts) {
		FunctionDef namedKernel = orKernel ? layouts.kernelNamed(literal, name) : null;
		if (namedKernel != null) {
			parts.add(new Part(literal, new TextRegion(start, name.length()), namedKernel));
			return;
		}
		LoopTable table = LoopTable.of(kernel);
		int dot = name.indexOf('.');
		if (dot > 0 && table.bands().containsKey(name.substring(0, dot))) {
			String band = name.substring(0, dot);
			parts.add(new Part(literal, new TextRegion(start, dot), new Band(band, kernel, table.bands().get(band))));
			start += dot + 1;
			name = name.substring(dot + 1);
			dot = name.indexOf('.');
		}
		// "i.outer", "i.inner": loops a split made from i; the part before the dot still names i.
		String loop = dot > 0 ? name.substring(0, dot) : name;
		LoopVar var = uniqueLoop(table, loop);
		if (var != null) {
			parts.add(new Part(literal, new TextRegion(start, loop.length()), var));
		}
	}

	private static LoopVar uniqueLoop(LoopTable table, String name) {
		LoopVar found = null;
		for (LoopTable.Loop loop : table.loops()) {
			if (loop.name().equals(name)) {
				if (found != null) {
					return null;
				}
				found = loop.var();
			}
		}
		return found;
	}

	private void bandParts(StringLiteral literal, FunctionDef kernel, String name, int start, boolean orKernel, List<Part> parts) {
		FunctionDef namedKernel = orKernel ? layouts.kernelNamed(literal, name) : null;
		EObject outermost = LoopTable.of(kernel).bands().get(name);
		Object target = namedKernel != null ? namedKernel : outermost == null ? null : new Band(name, kernel, outermost);
		parts.add(new Part(literal, new TextRegion(start, name.length()), target));
	}

	private Referable tensor(FunctionDef kernel, String name) {
		for (Referable tensor : members.kernelTensors(kernel)) {
			if (name.equals(Names.nameOf(tensor))) {
				return tensor;
			}
		}
		return null;
	}

	private record Reference(Schedule schedule, Step step, String role) {
	}

	private static Reference referenceOf(Module module, StringLiteral literal) {
		for (Schedule schedule : ScheduleSteps.of(module)) {
			for (Step step : schedule.steps()) {
				if (!EcoreUtil2.isAncestor(step.call(), literal)) {
					continue;
				}
				for (RoleArgument argument : ScheduleSteps.roleArguments(step)) {
					if (argument.value() == literal) {
						return schedule.kernel() == null ? null : new Reference(schedule, step, argument.role());
					}
				}
			}
		}
		return null;
	}

	/** The loop variable a band stands for, for navigation: its outermost loop's first variable. */
	public static LoopVar firstLoopOf(Band band) {
		return band.outermost() instanceof ForStmt loop && !loop.getVars().isEmpty() ? loop.getVars().get(0) : null;
	}
}
