package org.allo.lang.ide.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

import org.allo.lang.fastsim.FastMode;
import org.allo.lang.ide.cli.AlloMain.UsageException;
import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.interpreter.Outcomes;
import org.allo.lang.interpreter.RandomValues;
import org.allo.lang.interpreter.Scalar;
import org.allo.lang.interpreter.SimulationError;
import org.allo.lang.interpreter.Simulator;
import org.allo.lang.interpreter.Tensor;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrValue;
import org.allo.lang.ir.query.WrittenParameters;
import org.allo.lang.ir.printer.IrTypes;
import org.allo.lang.npy.Npy;
import org.allo.lang.npy.NpyArray;
import org.allo.lang.npy.NpyDtype;
import org.allo.lang.npy.NpyFormatException;

/**
 * {@code allo sim FILE (--kernel K | --schedule S [--check]) [--input NAME=F.npy]... [--random SEED] [-o DIR] [--max-steps N]
 * [--interpret]}: runs kernel K unscheduled, or the IR of schedule S after its last step, in fast mode (compiled
 * to JVM bytecode) unless --interpret asks for the reference interpreter or fast mode cannot compile the module.
 * With --check the kernel also runs unscheduled on the same inputs and every written argument and result is
 * compared (integers and fixed point bit for bit, floats within {@link Outcomes}' tolerance); the first difference
 * is an error. Inputs not given are zero, or random with --random. With -o the written tensor arguments and the
 * results are saved as .npy (LANGUAGE.md §6). A summary (mode, inputs, outputs, time, steps) goes to stdout,
 * which carries nothing else; errors go to stderr with exit code 1.
 */
final class SimCommand {

	/** A user error found while preparing or running the simulation; the message is printed as is. */
	private static final class SimFailure extends Exception {
		private static final long serialVersionUID = 1L;

		SimFailure(String message) {
			super(message);
		}
	}

	private final PrintStream out;
	private final PrintStream err;
	private String file;
	private String kernelName;
	private String scheduleName;
	private boolean check;
	private final Map<String, String> inputFiles = new LinkedHashMap<>();
	private Random random;
	private Path outputDirectory;
	private long maxSteps = Interpreter.DEFAULT_MAX_STEPS;
	private boolean interpret;

	SimCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(List<String> args) {
		parse(args);
		KernelLoader loader = new KernelLoader(err, err);
		IrModule module;
		IrModule unscheduled = null;
		if (scheduleName != null) {
			KernelLoader.Scheduled scheduled = loader.schedule(file, scheduleName, null);
			module = scheduled == null ? null : scheduled.module();
			unscheduled = scheduled == null ? null : scheduled.unscheduled();
		} else {
			module = loader.lower(file, kernelName);
		}
		if (module == null) {
			return AlloMain.USER_ERROR;
		}
		try {
			simulate(module, top(module), check ? unscheduled : null);
			return AlloMain.OK;
		} catch (SimFailure failure) {
			err.println("allo: " + failure.getMessage());
			return AlloMain.USER_ERROR;
		}
	}

	private void parse(List<String> args) {
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			boolean hasValue = i + 1 < args.size();
			if (arg.equals("--kernel") && hasValue) {
				kernelName = args.get(++i);
			} else if (arg.equals("--schedule") && hasValue) {
				scheduleName = args.get(++i);
			} else if (arg.equals("--check")) {
				check = true;
			} else if (arg.equals("--input") && hasValue) {
				addInput(args.get(++i));
			} else if (arg.equals("--random") && hasValue) {
				random = new Random(number(arg, args.get(++i)));
			} else if (arg.equals("-o") && hasValue) {
				outputDirectory = Path.of(args.get(++i));
			} else if (arg.equals("--max-steps") && hasValue) {
				maxSteps = number(arg, args.get(++i));
				if (maxSteps < 1) {
					throw new UsageException("--max-steps takes a positive number of steps");
				}
			} else if (arg.equals("--interpret")) {
				interpret = true;
			} else if (arg.startsWith("-")) {
				throw new UsageException("unknown option '" + arg + "' for sim");
			} else if (file == null) {
				file = arg;
			} else {
				throw new UsageException("sim takes one FILE");
			}
		}
		if (file == null || (kernelName == null) == (scheduleName == null)) {
			throw new UsageException("sim needs FILE and either --kernel K or --schedule S");
		}
		if (check && scheduleName == null) {
			throw new UsageException("--check compares a schedule with its kernel: it needs --schedule S");
		}
	}

	private void addInput(String binding) {
		int equals = binding.indexOf('=');
		if (equals <= 0 || equals == binding.length() - 1) {
			throw new UsageException("--input takes NAME=FILE.npy, not '" + binding + "'");
		}
		if (inputFiles.put(binding.substring(0, equals), binding.substring(equals + 1)) != null) {
			throw new UsageException("--input " + binding.substring(0, equals) + " is given twice");
		}
	}

	private static long number(String option, String value) {
		try {
			return Long.parseLong(value);
		} catch (NumberFormatException e) {
			throw new UsageException(option + " takes an integer, not '" + value + "'");
		}
	}

	private static IrFunction top(IrModule module) {
		return module.getFunctions().stream().filter(IrFunction::isTop).findFirst().orElseThrow();
	}

	/** Runs {@code module}; when {@code reference} is given, runs it on the same inputs and compares. */
	private void simulate(IrModule module, IrFunction top, IrModule reference) throws SimFailure {
		checkInputNames(top);
		List<Object> inputs = new ArrayList<>();
		List<String> inputLines = new ArrayList<>();
		for (IrValue parameter : top.getParams()) {
			inputs.add(argument(parameter));
			inputLines.add(parameter.getName() + ": " + IrTypes.print(parameter.getType()) + " "
					+ (inputFiles.containsKey(parameter.getName()) ? "from " + inputFiles.get(parameter.getName())
							: random != null ? "random" : "zero"));
		}
		List<Object> arguments = copies(inputs);
		Engine engine = engine(module);
		long start = System.nanoTime();
		List<Object> results = run(engine.simulator(), top, arguments);
		long micros = (System.nanoTime() - start) / 1000;
		String checkLine = reference == null ? null : compare(reference, copies(inputs), top, arguments, results);
		List<String> outputLines = writeOutputs(top, arguments, results);
		String what = scheduleName != null ? "schedule " + scheduleName : kernelName;
		out.println("sim " + what + " (" + top.getName() + "): " + engine.simulator().steps() + " steps in "
				+ String.format("%.3f", micros / 1000.0) + " ms, mode: " + engine.mode());
		inputLines.forEach(line -> out.println("  in  " + line));
		outputLines.forEach(line -> out.println("  out " + line));
		if (checkLine != null) {
			out.println("  check " + checkLine);
		}
	}

	/** A simulator and the mode the summary names. */
	private record Engine(Simulator simulator, String mode) {
	}

	/** The reference interpreter with --interpret, else fast mode (which falls back to the interpreter with a reason). */
	private Engine engine(IrModule module) {
		if (interpret) {
			return new Engine(new Interpreter(module, maxSteps), "interpreter (--interpret)");
		}
		FastMode.Choice choice = FastMode.prepare(module, maxSteps);
		return new Engine(choice.simulator(), choice.describe());
	}

	private List<Object> run(Simulator simulator, IrFunction function, List<Object> arguments) throws SimFailure {
		try {
			return simulator.call(function, arguments);
		} catch (SimulationError error) {
			throw new SimFailure(file + (error.line() > 0 ? ":" + error.line() : "") + ": error: " + error.getMessage());
		}
	}

	/** Runs the unscheduled kernel and compares every argument and result with the scheduled run's. */
	private String compare(IrModule reference, List<Object> arguments, IrFunction scheduledTop, List<Object> scheduledArguments,
			List<Object> scheduledResults) throws SimFailure {
		List<Object> results = run(engine(reference).simulator(), top(reference), arguments);
		List<String> names = new ArrayList<>(scheduledTop.getParams().stream().map(IrValue::getName).toList());
		for (int i = 0; i < results.size(); i++) {
			names.add(results.size() == 1 ? "result" : "result" + i);
		}
		List<Object> expected = new ArrayList<>(arguments);
		expected.addAll(results);
		List<Object> actual = new ArrayList<>(scheduledArguments);
		actual.addAll(scheduledResults);
		Optional<String> difference = Outcomes.firstDifference(names, expected, actual);
		if (difference.isPresent()) {
			throw new SimFailure("check failed: schedule " + scheduleName + " computes something else than kernel " + top(reference).getName()
					+ " unscheduled: " + difference.get() + " (expected: unscheduled, got: scheduled)");
		}
		return "ok: the scheduled and the unscheduled kernel agree on every output";
	}

	private static List<Object> copies(List<Object> values) {
		return new ArrayList<>(values.stream().map(value -> value instanceof Tensor tensor ? (Object) tensor.copy() : value).toList());
	}

	private void checkInputNames(IrFunction top) throws SimFailure {
		List<String> names = top.getParams().stream().map(IrValue::getName).toList();
		for (String name : inputFiles.keySet()) {
			if (!names.contains(name)) {
				throw new SimFailure("--input " + name + ": " + top.getName() + " has no parameter '" + name + "'; its parameters: "
						+ String.join(", ", names));
			}
		}
	}

	private Object argument(IrValue parameter) throws SimFailure {
		IrType type = parameter.getType();
		if (type instanceof IrStreamType) {
			throw new SimFailure("parameter '" + parameter.getName() + "' is a stream; sim runs kernels whose parameters are tensors and scalars");
		}
		IrType element = type instanceof IrTensorType tensor ? tensor.getElement() : type;
		long[] shape = type instanceof IrTensorType tensor ? tensor.getShape().stream().mapToLong(Long::longValue).toArray() : new long[0];
		NpyDtype dtype = NpyValues.dtypeOf(element);
		if (dtype == null) {
			throw new SimFailure("parameter '" + parameter.getName() + "' has type " + IrTypes.print(element)
					+ ", which no NumPy type holds (integers up to 64 bits do)");
		}
		Tensor tensor = inputFiles.containsKey(parameter.getName()) ? read(parameter.getName(), dtype, shape)
				: random != null ? RandomValues.tensor(shape, element, random) : new Tensor(shape, Scalar.of(0));
		return type instanceof IrTensorType || parameter instanceof IrBuffer ? tensor : tensor.get(0);
	}

	private Tensor read(String name, NpyDtype dtype, long[] shape) throws SimFailure {
		String path = inputFiles.get(name);
		NpyArray array;
		try {
			array = Npy.read(Path.of(path));
		} catch (NoSuchFileException e) {
			throw new SimFailure("--input " + name + ": cannot read " + path + ": no such file");
		} catch (IOException e) {
			throw new SimFailure("--input " + name + ": cannot read " + path + ": " + e.getMessage());
		} catch (NpyFormatException e) {
			throw new SimFailure("--input " + name + ": " + path + ": " + e.getMessage());
		}
		if (array.dtype() != dtype || !Arrays.equals(array.shape(), shape)) {
			throw new SimFailure("--input " + name + ": parameter '" + name + "' expects " + describe(dtype, shape) + ", "
					+ path + " holds " + describe(array.dtype(), array.shape()));
		}
		return NpyValues.toTensor(array);
	}

	private static String describe(NpyDtype dtype, long[] shape) {
		return dtype + " of shape (" + Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "))
				+ (shape.length == 1 ? ",)" : ")");
	}

	private List<String> writeOutputs(IrFunction top, List<Object> arguments, List<Object> results) throws SimFailure {
		Map<String, NpyArray> outputs = new LinkedHashMap<>();
		for (int i = 0; i < arguments.size(); i++) {
			if (top.getParams().get(i) instanceof IrBuffer buffer && WrittenParameters.writes(top, buffer)) {
				outputs.put(buffer.getName(), NpyValues.toArray(arguments.get(i), elementOf(buffer.getType())));
			}
		}
		for (int i = 0; i < results.size(); i++) {
			String name = results.size() == 1 ? "result" : "result" + i;
			outputs.put(name, NpyValues.toArray(results.get(i), elementOf(top.getResults().get(i))));
		}
		List<String> lines = new ArrayList<>();
		for (Map.Entry<String, NpyArray> output : outputs.entrySet()) {
			String where = outputDirectory == null ? "(not saved, no -o)" : save(output.getKey(), output.getValue()).toString();
			lines.add(output.getKey() + ": " + describe(output.getValue().dtype(), output.getValue().shape()) + " " + where);
		}
		return lines;
	}

	private static IrType elementOf(IrType type) {
		return type instanceof IrTensorType tensor ? tensor.getElement() : type;
	}

	private Path save(String name, NpyArray array) throws SimFailure {
		Path target = outputDirectory.resolve(name + ".npy");
		try {
			Files.createDirectories(outputDirectory);
			Npy.write(array, target);
		} catch (IOException e) {
			throw new SimFailure("cannot write " + target + ": " + e.getMessage());
		}
		return target;
	}
}
