package org.allo.lang.ide.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.allo.lang.allo.Module;
import org.allo.lang.ide.cli.AlloMain.UsageException;
import org.allo.lang.schedule.ScheduleSteps;
import org.allo.lang.schedule.ScheduleSteps.Schedule;
import org.allo.lang.scoping.Names;
import org.allo.lang.verify.Counterexample;
import org.allo.lang.verify.EquivalenceChecker;
import org.allo.lang.verify.EquivalenceChecker.StepVerdict;
import org.allo.lang.verify.Verdict;
import org.allo.lang.verify.VerifyOptions;

/**
 * {@code allo verify FILE --schedule S [--against S2] [--timeout SECONDS] [--accept-reassociation]}:
 * checks the program after every step of S against the unscheduled kernel, one line per step and a
 * final verdict, or S against S2 with all steps applied. Exit code 1 when a step is not proven
 * equivalent (a counterexample, an unproven difference, a program that cannot be verified, the
 * time limit).
 */
final class VerifyCommand {

	private final PrintStream out;
	private final PrintStream err;
	private String file;
	private String scheduleName;
	private String againstName;
	private VerifyOptions options = VerifyOptions.defaults();

	VerifyCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(List<String> args) {
		parse(args);
		KernelLoader loader = new KernelLoader(out, err);
		Module module = loader.checkedModule(file);
		if (module == null) {
			return AlloMain.USER_ERROR;
		}
		List<Schedule> schedules = ScheduleSteps.of(module);
		Schedule schedule = find(schedules, scheduleName);
		Schedule against = againstName == null ? null : find(schedules, againstName);
		if (schedule == null || againstName != null && against == null) {
			return AlloMain.USER_ERROR;
		}
		EquivalenceChecker checker = loader.workspace().instance(EquivalenceChecker.class);
		return against == null ? verifySteps(checker, schedule) : verifyAgainst(checker, schedule, against);
	}

	private void parse(List<String> args) {
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			boolean hasValue = i + 1 < args.size();
			if (arg.equals("--schedule") && hasValue) {
				scheduleName = args.get(++i);
			} else if (arg.equals("--against") && hasValue) {
				againstName = args.get(++i);
			} else if (arg.equals("--timeout") && hasValue) {
				options = options.withTimeout(seconds(args.get(++i)));
			} else if (arg.equals("--accept-reassociation")) {
				options = options.acceptingReassociation(true);
			} else if (arg.startsWith("-")) {
				throw new UsageException("unknown option '" + arg + "' for verify");
			} else if (file == null) {
				file = arg;
			} else {
				throw new UsageException("verify takes one FILE");
			}
		}
		if (file == null || scheduleName == null) {
			throw new UsageException("verify needs FILE and --schedule S");
		}
	}

	private static Duration seconds(String text) {
		try {
			double seconds = Double.parseDouble(text);
			if (seconds > 0 && seconds < 1e9) {
				return Duration.ofMillis((long) (seconds * 1000));
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw new UsageException("--timeout takes a positive number of seconds, not '" + text + "'");
	}

	private Schedule find(List<Schedule> schedules, String name) {
		for (Schedule schedule : schedules) {
			if (name.equals(Names.nameOf(schedule.binding()))) {
				return schedule;
			}
		}
		err.println("allo: " + file + " has no schedule '" + name + "'; its schedules: "
				+ (schedules.isEmpty() ? "none (write s = allo.customize(kernel))"
						: schedules.stream().map(s -> Names.nameOf(s.binding())).collect(Collectors.joining(", "))));
		return null;
	}

	private int verifySteps(EquivalenceChecker checker, Schedule schedule) {
		if (schedule.steps().isEmpty()) {
			out.println("schedule '" + scheduleName + "' has no steps; nothing to verify");
			return AlloMain.OK;
		}
		ProgressBar bar = ProgressBar.forTerminal(err);
		List<StepVerdict> verdicts = checker.verifySteps(schedule, options, new EquivalenceChecker.Progress() {
			@Override
			public void update(String phase, long operations) {
				bar.update(phase, operations);
			}

			@Override
			public void finished(StepVerdict verdict) {
				bar.clear();
				out.println(verdict.line());
				printCounterexample(verdict.verdict().counterexample());
			}
		});
		bar.clear();
		StepVerdict failed = verdicts.stream().filter(v -> !v.verdict().proven(options)).findFirst().orElse(null);
		if (failed == null) {
			out.println("verdict: all " + verdicts.size() + " step(s) of '" + scheduleName + "' are equivalent to the kernel");
			return AlloMain.OK;
		}
		out.println("verdict: " + (failed.number() == 0 ? "the kernel" : "step " + failed.number() + " " + failed.label()) + " is "
				+ failed.verdict().summary());
		return AlloMain.USER_ERROR;
	}

	private int verifyAgainst(EquivalenceChecker checker, Schedule first, Schedule second) {
		Verdict verdict = checker.against(first, second, options);
		out.println("'" + scheduleName + "' against '" + againstName + "': " + verdict.summary() + " (" + verdict.statistics() + ")");
		printCounterexample(verdict.counterexample());
		return verdict.proven(options) ? AlloMain.OK : AlloMain.USER_ERROR;
	}

	private void printCounterexample(Counterexample counterexample) {
		if (counterexample != null) {
			counterexample.describe().lines().forEach(line -> out.println("  " + line));
		}
	}
}
