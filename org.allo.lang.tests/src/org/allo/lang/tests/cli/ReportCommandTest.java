package org.allo.lang.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.allo.lang.ide.cli.AlloMain;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code allo report}: the three formats and the schedule it picks. */
class ReportCommandTest extends CliTestSupport {

	private static final String GEMM = """
			import allo
			from allo.ir.types import float32


			def gemm(A: float32[16, 16], B: float32[16, 16]) -> float32[16, 16]:
			    C: float32[16, 16] = 0.0
			    for i, j in allo.grid(16, 16, name="C"):
			        for k in allo.reduction(16):
			            C[i, j] += A[i, k] * B[k, j]
			    return C


			plain = allo.customize(gemm)
			plain.pipeline("k")

			fast = allo.customize(gemm)
			fast.reorder("k", "j")
			fast.pipeline("j")
			""";

	@Test
	void textIsTheDefaultAndNamesTheRecurrence() throws Exception {
		Path file = write("gemm.allo", GEMM);
		assertEquals(AlloMain.OK, run("report", file.toString(), "--schedule", "plain"));
		assertTrue(out.startsWith("gemm on xcu280-fsvh2892-2L-e at 300 MHz (estimate)\n"), out);
		assertTrue(out.contains("recurrence through C"), out);
		assertEquals("", err);
	}

	@Test
	void htmlIsWellFormedWithOneBarPerLoop() throws Exception {
		Path file = write("gemm.allo", GEMM);
		assertEquals(AlloMain.OK, run("report", file.toString(), "--schedule", "plain", "--format", "html"));
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document page = factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
		NodeList rects = page.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
		int bars = 0;
		for (int i = 0; i < rects.getLength(); i++) {
			if (((Element) rects.item(i)).getAttribute("class").startsWith("bar")) {
				bars++;
			}
		}
		assertEquals(6, bars, "load_A, load_B, i, j, k, store_result");
		assertEquals(0, page.getElementsByTagName("link").getLength() + page.getElementsByTagName("script").getLength(),
				"the page must not fetch anything");
	}

	@Test
	void jsonCarriesTheAchievedII() throws Exception {
		Path file = write("gemm.allo", GEMM);
		assertEquals(AlloMain.OK, run("report", file.toString(), "--schedule", "plain", "--format", "json"));
		assertTrue(out.contains("\"name\": \"k\""), out);
		assertTrue(out.contains("\"kind\": \"recurrence\""), out);
	}

	@Test
	void anUnknownScheduleListsTheSchedules() throws Exception {
		Path file = write("gemm.allo", GEMM);
		assertEquals(AlloMain.USER_ERROR, run("report", file.toString(), "--schedule", "slow"));
		assertEquals("allo: " + file + " has no schedule 'slow'; its schedules: plain, fast\n", err);
	}

	@Test
	void anUnknownFormatIsAUsageError() throws Exception {
		Path file = write("gemm.allo", GEMM);
		assertEquals(AlloMain.USAGE_ERROR, run("report", file.toString(), "--format", "pdf"));
		assertTrue(err.startsWith("allo: --format must be text, json or html, not 'pdf'"), err);
	}
}
