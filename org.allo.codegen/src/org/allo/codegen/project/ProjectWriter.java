package org.allo.codegen.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a project: first into a temporary sibling directory, which replaces the target only when every
 * file is written, so an interrupted build never leaves a half-written project.
 */
public final class ProjectWriter {

	private ProjectWriter() {
	}

	public static void write(Path directory, Map<String, String> files) throws IOException {
		Path parent = directory.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path staging = Files.createTempDirectory(parent, "." + directory.getFileName() + ".tmp");
		try {
			for (Map.Entry<String, String> file : files.entrySet()) {
				Path target = staging.resolve(file.getKey());
				Files.createDirectories(target.getParent());
				Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
			}
			Path old = null;
			if (Files.exists(directory)) {
				old = Files.createTempDirectory(parent, "." + directory.getFileName() + ".old");
				Files.delete(old);
				Files.move(directory, old, StandardCopyOption.ATOMIC_MOVE);
			}
			Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
			if (old != null) {
				delete(old);
			}
		} finally {
			if (Files.exists(staging)) {
				delete(staging);
			}
		}
	}

	private static void delete(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}
}
