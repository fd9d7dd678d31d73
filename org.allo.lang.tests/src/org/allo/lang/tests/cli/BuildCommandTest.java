package org.allo.lang.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.allo.lang.ide.cli.AlloMain;
import org.junit.jupiter.api.Test;

/** {@code allo build} (LANGUAGE.md §6): which designs it builds, where, and the errors of bad build statements. */
class BuildCommandTest extends CliTestSupport {

	private static final String KERNEL = """
			import allo
			from allo.ir.types import int32

			def add_one(A: int32[4]) -> int32[4]:
			    B: int32[4] = 0
			    for i in range(4):
			        B[i] = A[i] + 1
			    return B

			""";

	@Test
	void aBuildStatementWithVhlsWritesOnlyTheKernel() throws IOException {
		Path file = write("k.allo", KERNEL + "s = allo.customize(add_one)\nmod = s.build(target=\"vhls\", project=\"mine.prj\")\n");
		Path out = folder.resolve("out");

		assertEquals(AlloMain.OK, run("build", file.toString(), "-o", out.toString()), out + err);

		assertTrue(Files.readString(out.resolve("mine.prj/kernel.cpp")).contains("void add_one("));
		assertTrue(Files.exists(out.resolve("mine.prj/kernel.h")));
		assertFalse(Files.exists(out.resolve("mine.prj/Makefile")));
		assertTrue(this.out.contains("built add_one (vhls)"), this.out);
	}

	@Test
	void withoutBuildStatementsTheKernelBecomesAFullProject() throws IOException {
		Path file = write("k.allo", KERNEL);
		Path out = folder.resolve("out");

		assertEquals(AlloMain.OK, run("build", file.toString(), "-o", out.toString()), err);

		Path project = out.resolve("add_one.prj");
		for (String name : new String[] { "kernel.cpp", "kernel.h", "tb.cpp", "host.cpp", "Makefile", "hls_config.cfg", "allo_data.h",
				"data/A.dat", "data/output_0.golden.dat", "include/ap_int.h", "include/ap_fixed.h", "include/hls_stream.h",
				"include/hls_math.h", "include/hls_vector.h" }) {
			assertTrue(Files.exists(project.resolve(name)), name);
		}
		assertFalse(Files.exists(project.resolve("add_one.cfg")), "no memory mapping, no link configuration");
		String host = Files.readString(project.resolve("host.cpp"));
		assertTrue(host.contains("xrt::kernel kernel(device, uuid, \"add_one\")") && host.contains("kernel.group_id(0)"), host);
	}

	@Test
	void aScheduleIsBuiltWithItsStepsApplied() throws IOException {
		Path file = write("k.allo", KERNEL + "s = allo.customize(add_one)\ns.split(\"i\", factor=2)\ns.pipeline(\"i.inner\")\n");
		Path out = folder.resolve("out");

		assertEquals(AlloMain.OK, run("build", file.toString(), "--target", "vhls", "-o", out.toString()), this.out + err);

		String kernel = Files.readString(out.resolve("add_one.prj/kernel.cpp"));
		assertTrue(kernel.contains("i_outer") && kernel.contains("#pragma HLS pipeline II=1"), kernel);
		assertFalse(this.out.contains("warning"), this.out);
	}

	@Test
	void aBuildStatementBuildsTheStepsBeforeIt() throws IOException {
		String schedule = KERNEL + "s = allo.customize(add_one)\nmod = s.build(target=\"vhls\")\n";
		Path unscheduled = folder.resolve("unscheduled");
		Path pipelinedAfterBuild = folder.resolve("after");
		assertEquals(AlloMain.OK, run("build", write("a.allo", schedule).toString(), "-o", unscheduled.toString()), this.out + err);

		assertEquals(AlloMain.OK, run("build", write("b.allo", schedule + "s.pipeline(\"i\")\n").toString(), "-o",
				pipelinedAfterBuild.toString()), this.out + err);

		assertEquals(Files.readString(unscheduled.resolve("add_one.prj/kernel.cpp")),
				Files.readString(pipelinedAfterBuild.resolve("add_one.prj/kernel.cpp")));
	}

	@Test
	void aRefusedStepIsAnErrorAndNothingIsWritten() throws IOException {
		Path file = write("k.allo", KERNEL + "s = allo.customize(add_one)\ns.pipeline(\"i\")\ns.to(s.B, \"S_i_0\", axis=0)\n");
		Path out = folder.resolve("out");

		assertEquals(AlloMain.USER_ERROR, run("build", file.toString(), "-o", out.toString()));

		assertTrue(this.out.contains("k.allo:12:1: error: cannot relay B between processing elements: kernel 'add_one' uses it whole at line 8"),
				this.out);
		assertTrue(this.out.contains("[allo.schedule.stream]"), this.out);
		assertFalse(Files.exists(out.resolve("add_one.prj")));
	}

	@Test
	void aMemoryMappingBecomesTheLinkConfiguration() throws IOException {
		Path file = write("k.allo", KERNEL + "s = allo.customize(add_one)\nmod = s.build(target=\"vitis_hls\", mode=\"hw_emu\","
				+ " project=\"m.prj\", configs={\"hbm_mapping\": {\"A\": 0, \"output_0\": \"DDR[1]\"}, \"slr\": \"SLR0\"})\n");
		Path out = folder.resolve("out");

		assertEquals(AlloMain.OK, run("build", file.toString(), "-o", out.toString()), this.out + err);

		String cfg = Files.readString(out.resolve("m.prj/add_one.cfg"));
		assertTrue(cfg.contains("[connectivity]\nnk=add_one:1:add_one_1\nsp=add_one_1.A:HBM[0]\nsp=add_one_1.output_0:DDR[1]\n"
				+ "slr=add_one_1:SLR0\n"), cfg);
		String makefile = Files.readString(out.resolve("m.prj/Makefile"));
		assertTrue(makefile.contains("TARGET ?= hw_emu") && makefile.contains("VPP_LDFLAGS := --config add_one.cfg"), makefile);
	}

	@Test
	void aMappingOfAnUnknownArgumentIsReportedAtTheBuildStatement() throws IOException {
		Path file = write("k.allo", KERNEL + "s = allo.customize(add_one)\nmod = s.build(target=\"vitis_hls\", project=\"m.prj\","
				+ " configs={\"hbm_mapping\": {\"Q\": 0}})\n");

		assertEquals(AlloMain.USER_ERROR, run("build", file.toString(), "-o", folder.resolve("out").toString()));

		assertTrue(out.contains("k.allo:11:43: error: hbm_mapping names 'Q', which is not an argument of 'add_one'; its ports: A,"
				+ " output_0 [allo.build.unsupported]"), out);
	}

	@Test
	void aProjectOutsideTheOutputDirectoryIsRefused() throws IOException {
		Path file = write("k.allo", KERNEL + "s = allo.customize(add_one)\nmod = s.build(target=\"vhls\", project=\"../escape.prj\")\n");

		assertEquals(AlloMain.USER_ERROR, run("build", file.toString(), "-o", folder.resolve("out").toString()));

		assertTrue(out.contains("k.allo:11:38: error: project '../escape.prj' is outside the output directory"), out);
		assertTrue(out.contains("[allo.build.project-escapes]"), out);
		assertFalse(Files.exists(folder.resolve("escape.prj")));
	}

	@Test
	void anUnknownModeIsADiagnostic() throws IOException {
		Path file = write("k.allo", KERNEL + "s = allo.customize(add_one)\nmod = s.build(target=\"vitis_hls\", mode=\"fast\")\n");

		assertEquals(AlloMain.USER_ERROR, run("build", file.toString(), "-o", folder.resolve("out").toString()));

		assertTrue(out.contains("k.allo:11:40: error: 'fast' is not one of csim, csyn, hw, hw_emu, sw_emu [allo.build.option]"), out);
	}

	@Test
	void aRebuildReplacesTheProjectWholesale() throws IOException {
		Path file = write("k.allo", KERNEL);
		Path out = folder.resolve("out");
		assertEquals(AlloMain.OK, run("build", file.toString(), "-o", out.toString()), err);
		Files.writeString(out.resolve("add_one.prj/stale.txt"), "left over");

		assertEquals(AlloMain.OK, run("build", file.toString(), "-o", out.toString()), err);

		assertFalse(Files.exists(out.resolve("add_one.prj/stale.txt")));
		assertTrue(Files.exists(out.resolve("add_one.prj/kernel.cpp")));
		try (var siblings = Files.list(out)) {
			assertEquals(1, siblings.count(), "no temporary directories are left behind");
		}
	}

	@Test
	void anUnknownScheduleIsAUserError() throws IOException {
		Path file = write("k.allo", KERNEL);

		assertEquals(AlloMain.USER_ERROR, run("build", file.toString(), "--schedule", "nope"));

		assertTrue(err.contains("has no schedule 'nope'"), err);
	}
}
