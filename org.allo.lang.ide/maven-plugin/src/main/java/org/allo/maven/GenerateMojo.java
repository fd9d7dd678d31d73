package org.allo.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code allo:generate}: runs {@code allo build} on each design file, so a Maven build produces the same
 * HLS projects as the command line (docs/MAVEN.md). Diagnostics become Maven errors and warnings with
 * file, line and column; any error fails the build and nothing of that design is written.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES)
public class GenerateMojo extends AbstractMojo {

	/** Where the .allo files are; imports resolve between the files of one folder. */
	@Parameter(defaultValue = "${project.basedir}/src/main/allo", required = true)
	private File sourceDirectory;

	/** Each design's project is written to a folder under this one (its build statement's project=). */
	@Parameter(defaultValue = "${project.build.directory}/generated-sources/allo", required = true)
	private File outputDirectory;

	/**
	 * The files to build, relative to {@link #sourceDirectory}; by default every .allo file there. Name
	 * them when some files are libraries that others import.
	 */
	@Parameter
	private List<String> designs;

	/** {@code allo build --schedule}: build this schedule instead of the files' build statements. */
	@Parameter(property = "allo.schedule")
	private String schedule;

	/** {@code allo build --target}: vhls or vitis_hls, overriding the files' build statements. */
	@Parameter(property = "allo.target")
	private String target;

	@Parameter(property = "allo.skip", defaultValue = "false")
	private boolean skip;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (skip) {
			getLog().info("allo:generate skipped");
			return;
		}
		List<Path> files = designFiles();
		if (files.isEmpty()) {
			throw new MojoFailureException("no .allo file in " + sourceDirectory + "; put the designs there or set <sourceDirectory>");
		}
		List<Path> failed = new ArrayList<>();
		for (Path file : files) {
			if (!new AlloBuild(file, outputDirectory.toPath(), schedule, target).run(getLog())) {
				failed.add(sourceDirectory.toPath().relativize(file));
			}
		}
		if (!failed.isEmpty()) {
			throw new MojoFailureException("allo build failed for " + failed + "; fix the errors reported above");
		}
	}

	private List<Path> designFiles() throws MojoExecutionException, MojoFailureException {
		Path root = sourceDirectory.toPath();
		if (designs != null && !designs.isEmpty()) {
			List<Path> named = designs.stream().map(root::resolve).toList();
			for (Path file : named) {
				if (!Files.isRegularFile(file)) {
					throw new MojoFailureException("<designs> names " + file + ", which does not exist");
				}
			}
			return named;
		}
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(p -> p.toString().endsWith(".allo") && Files.isRegularFile(p)).sorted().toList();
		} catch (IOException e) {
			throw new MojoExecutionException("cannot list " + root + ": " + e.getMessage(), e);
		}
	}
}
