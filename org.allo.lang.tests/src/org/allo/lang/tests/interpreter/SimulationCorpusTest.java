package org.allo.lang.tests.interpreter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.allo.lang.allo.FunctionDef;
import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.SimulationError;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrValue;
import org.allo.lang.lowering.Lowering;
import org.allo.lang.lowering.LoweringResult;
import org.allo.lang.tests.AlloProject;
import org.allo.lang.tests.TestFiles;
import org.allo.lang.validation.Diagnostic;
import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Kernels with independently known results ({@code resources/simulation/NAME.allo}, header format in
 * {@link SimulationCase}): each file is checked, lowered and run by the reference interpreter, and every
 * call must give exactly the values the header states. A new case is a new file.
 */
class SimulationCorpusTest {

	/** The corpus covers Allo's typing table; fewer files means cases were lost. */
	private static final int MINIMUM_CASES = 50;

	@TestFactory
	Stream<DynamicTest> simulationCases() {
		List<Path> files = TestFiles.alloFiles(TestFiles.resources().resolve("simulation"));
		assertTrue(files.size() >= MINIMUM_CASES, "only " + files.size() + " simulation cases");
		return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
	}

	private static void check(Path file) throws Exception {
		SimulationCase simulation = SimulationCase.parse(TestFiles.read(file));
		AlloProject project = new AlloProject();
		Resource resource = project.load(file);
		assertEquals(List.of(), project.formatted(resource).stream().filter(line -> line.contains(": error: ")).toList(),
				"a simulation case must check without errors");
		FunctionDef kernel = project.module(resource).getStatements().stream().filter(FunctionDef.class::isInstance)
				.map(FunctionDef.class::cast).filter(f -> f.getName().equals(simulation.kernel())).findFirst()
				.orElseThrow(() -> new AssertionError("no kernel '" + simulation.kernel() + "'"));
		LoweringResult lowered = AlloProject.injector().getInstance(Lowering.class).lower(kernel);
		assertTrue(lowered.succeeded(), () -> lowered.errors().stream().map(Diagnostic::format).toList().toString());
		IrFunction top = lowered.module().getFunctions().stream().filter(IrFunction::isTop).findFirst().orElseThrow();
		Interpreter interpreter = new Interpreter(lowered.module(), simulation.maxSteps());
		CorpusValues values = new CorpusValues(file.getParent());
		int number = 1;
		for (SimulationCase.Call call : simulation.calls()) {
			run(interpreter, top, call, values, simulation.tolerance(), "call " + number++);
		}
	}

	private static void run(Interpreter interpreter, IrFunction top, SimulationCase.Call call, CorpusValues values,
			double tolerance, String label) throws Exception {
		List<Object> arguments = new ArrayList<>();
		for (IrValue parameter : top.getParams()) {
			String text = call.arguments().get(parameter.getName());
			assertNotNull(text, label + ": no value for parameter '" + parameter.getName() + "'");
			long[] shape = parameter.getType() instanceof IrTensorType tensor
					? tensor.getShape().stream().mapToLong(Long::longValue).toArray() : new long[0];
			arguments.add(values.argument(text, shape, parameter instanceof IrBuffer));
		}
		assertEquals(top.getParams().size(), call.arguments().size(), label + ": arguments that name no parameter");
		List<Object> results;
		try {
			results = interpreter.call(top, arguments);
		} catch (SimulationError error) {
			if (call.error() == null) {
				throw error;
			}
			assertTrue(error.getMessage().contains(call.error()), label + ": " + error.getMessage());
			return;
		}
		if (call.error() != null) {
			fail(label + ": expected the error '" + call.error() + "'");
		}
		for (Map.Entry<String, String> expected : call.expected().entrySet()) {
			Object actual = actual(expected.getKey(), top, arguments, results);
			compare(label + " " + expected.getKey(), values.elements(expected.getValue()), CorpusValues.flatten(actual),
					tolerance);
		}
	}

	private static Object actual(String name, IrFunction top, List<Object> arguments, List<Object> results) {
		if (name.equals("result") && results.size() == 1) {
			return results.get(0);
		} else if (name.matches("result\\d+") && Integer.parseInt(name.substring(6)) < results.size()) {
			return results.get(Integer.parseInt(name.substring(6)));
		}
		for (int i = 0; i < top.getParams().size(); i++) {
			if (top.getParams().get(i).getName().equals(name)) {
				return arguments.get(i);
			}
		}
		throw new AssertionError("'" + name + "' is neither a result of the " + results.size()
				+ " nor a parameter");
	}

	private static void compare(String label, List<Scalar> expected, List<Scalar> actual, double tolerance) {
		assertEquals(expected.size(), actual.size(), label + ": element count");
		for (int i = 0; i < expected.size(); i++) {
			String mismatch = CorpusValues.mismatch(expected.get(i), actual.get(i), tolerance);
			if (mismatch != null) {
				fail(label + "[" + i + "]: expected " + expected.get(i) + ", got " + mismatch);
			}
		}
	}
}
