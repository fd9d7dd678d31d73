package org.allo.lang.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the file-based cases live. The build passes the folders as system properties; run from
 * the module folder without them (an IDE), the defaults point at the same places.
 */
public final class TestFiles {

	private TestFiles() {
	}

	/** {@code org.allo.lang.tests/resources}. */
	public static Path resources() {
		return Paths.get(System.getProperty("allo.tests.resources", "resources")).toAbsolutePath().normalize();
	}

	/** The repository root (for {@code examples/}). */
	public static Path repository() {
		return Paths.get(System.getProperty("allo.repository", "..")).toAbsolutePath().normalize();
	}

	/** The {@code .allo} files directly in {@code folder}, sorted by name; the folder must exist. */
	public static List<Path> alloFiles(Path folder) {
		if (!Files.isDirectory(folder)) {
			throw new IllegalStateException("test folder missing: " + folder);
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(file -> file.toString().endsWith(".allo")).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
