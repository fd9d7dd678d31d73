package org.allo.lang.tests.interpreter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.allo.lang.interpreter.Interpreter;

/**
 * The header of a simulation corpus file ({@code resources/simulation/NAME.allo}):
 *
 * <pre>
 * # kernel: K
 * # tolerance: 1e-6                       (optional; absolute; without it every value must be equal)
 * # max-steps: 10000                      (optional; the interpreter's step limit)
 * # call: a=15, B=[[1, 2], [3, 4]] -> result=-2, B=[[1, 2], [3, 5]]
 * # call: x=0 -> error: division by zero
 * </pre>
 *
 * Calls run in order on one interpreter, so Stateful values carry over. Left of {@code ->} are the
 * arguments by parameter name; right of it the expected results ({@code result}, or {@code result0},
 * {@code result1}, ... for a tuple) and tensor arguments as they are after the call. A value is a
 * number, a nested list, or {@code @FILE.npy} next to the case.
 */
record SimulationCase(String kernel, double tolerance, long maxSteps, List<Call> calls) {

	record Call(Map<String, String> arguments, Map<String, String> expected, String error) {
	}

	private static final Pattern KERNEL = Pattern.compile("^# kernel: (\\w+)\\s*$", Pattern.MULTILINE);
	private static final Pattern TOLERANCE = Pattern.compile("^# tolerance: (\\S+)\\s*$", Pattern.MULTILINE);
	private static final Pattern MAX_STEPS = Pattern.compile("^# max-steps: (\\d+)\\s*$", Pattern.MULTILINE);
	private static final Pattern CALL = Pattern.compile("^# call:(.*?)->(.*)$", Pattern.MULTILINE);

	static SimulationCase parse(String text) {
		Matcher kernel = KERNEL.matcher(text);
		if (!kernel.find()) {
			throw new IllegalArgumentException("missing '# kernel: NAME' header");
		}
		Matcher tolerance = TOLERANCE.matcher(text);
		List<Call> calls = new ArrayList<>();
		Matcher call = CALL.matcher(text);
		while (call.find()) {
			String outcome = call.group(2).strip();
			calls.add(outcome.startsWith("error:")
					? new Call(bindings(call.group(1)), Map.of(), outcome.substring("error:".length()).strip())
					: new Call(bindings(call.group(1)), bindings(outcome), null));
		}
		if (calls.isEmpty()) {
			throw new IllegalArgumentException("missing '# call: ARGS -> RESULTS' lines");
		}
		Matcher maxSteps = MAX_STEPS.matcher(text);
		return new SimulationCase(kernel.group(1), tolerance.find() ? Double.parseDouble(tolerance.group(1)) : 0,
				maxSteps.find() ? Long.parseLong(maxSteps.group(1)) : Interpreter.DEFAULT_MAX_STEPS, calls);
	}

	/** {@code name=value, name=value}: commas inside brackets belong to the value. */
	private static Map<String, String> bindings(String text) {
		Map<String, String> bindings = new LinkedHashMap<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i <= text.length(); i++) {
			char c = i < text.length() ? text.charAt(i) : ',';
			depth += c == '[' ? 1 : c == ']' ? -1 : 0;
			if (c == ',' && depth == 0) {
				String binding = text.substring(start, i).strip();
				if (!binding.isEmpty()) {
					int equals = binding.indexOf('=');
					if (equals <= 0) {
						throw new IllegalArgumentException("expected NAME=VALUE, got '" + binding + "'");
					}
					bindings.put(binding.substring(0, equals).strip(), binding.substring(equals + 1).strip());
				}
				start = i + 1;
			}
		}
		return bindings;
	}
}
