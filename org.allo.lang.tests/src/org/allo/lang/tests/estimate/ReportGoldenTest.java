package org.allo.lang.tests.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.allo.lang.ide.cli.AlloMain;
import org.allo.lang.tests.TestFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden reports: {@code allo report FILE --format json} of every example (its last schedule)
 * against {@code resources/estimate/NAME.json}; an example the command refuses has its messages in
 * {@code NAME.err} instead. Run with the environment variable {@code ALLO_REGENERATE_GOLDEN=1} to
 * rewrite the files after a deliberate change of the model, and review the diff.
 */
class ReportGoldenTest {

	private static final boolean REGENERATE = "1".equals(System.getenv("ALLO_REGENERATE_GOLDEN"));

	@TestFactory
	Stream<DynamicTest> examples() {
		Path repository = TestFiles.repository();
		return Stream.of("examples", "examples/polybench")
				.flatMap(folder -> TestFiles.alloFiles(repository.resolve(folder)).stream())
				.filter(file -> TestFiles.read(file).contains("allo.customize("))
				.map(file -> DynamicTest.dynamicTest(repository.relativize(file).toString(), () -> check(repository, file)));
	}

	private static void check(Path repository, Path file) throws IOException {
		String relative = repository.relativize(file).toString();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = AlloMain.run(new String[] { "report", file.toString(), "--format", "json" }, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		String name = relative.replace(".allo", "").replace('/', '_');
		Path golden = TestFiles.resources().resolve("estimate").resolve(name + (code == AlloMain.OK ? ".json" : ".err"));
		String actual = code == AlloMain.OK ? out.toString(StandardCharsets.UTF_8)
				: err.toString(StandardCharsets.UTF_8).replace(file.toString(), relative);
		if (REGENERATE) {
			Files.writeString(golden, actual);
		}
		assertEquals(Files.exists(golden) ? Files.readString(golden) : "(no golden file " + golden.getFileName() + ")", actual);
	}
}
