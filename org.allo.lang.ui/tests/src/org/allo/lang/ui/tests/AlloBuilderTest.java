package org.allo.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.allo.lang.ui.AlloUiPlugin;
import org.allo.lang.ui.build.AlloNature;
import org.allo.lang.ui.build.BuildSettings;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.jface.preference.IPreferenceStore;
import org.junit.jupiter.api.Test;

/** The Allo nature's builder: HLS projects for the project's files, markers when there can be none. */
class AlloBuilderTest {

	private static final String BUILD_PROBLEM = "org.allo.lang.ui.buildProblem";

	@Test
	void the_builder_generates_the_hls_project_into_the_output_folder() throws Exception {
		IProject project = Workbench.project("allo-builder");
		AlloNature.addTo(project);
		IFile file = Workbench.file(project, "gemm.allo", "gemm.allo");

		project.build(IncrementalProjectBuilder.FULL_BUILD, null);

		IFolder generated = project.getFolder("build").getFolder("gemm.prj");
		assertTrue(generated.getFile("kernel.cpp").exists(), "no build/gemm.prj/kernel.cpp in the workspace");
		assertTrue(generated.getFile("Makefile").exists(), "no build/gemm.prj/Makefile in the workspace");
		assertEquals(0, file.findMarkers(BUILD_PROBLEM, false, IResource.DEPTH_ZERO).length);
	}

	@Test
	void the_output_folder_and_generate_on_save_are_preferences() throws Exception {
		IPreferenceStore preferences = AlloUiPlugin.getDefault().getPreferenceStore();
		IProject project = Workbench.project("allo-builder-preferences");
		AlloNature.addTo(project);
		try {
			preferences.setValue(BuildSettings.OUTPUT_FOLDER, "hls");
			Workbench.file(project, "gemm.allo", "gemm.allo");
			project.build(IncrementalProjectBuilder.FULL_BUILD, null);
			assertTrue(project.getFolder("hls").getFolder("gemm.prj").getFile("kernel.cpp").exists(), "nothing in hls/");

			preferences.setValue(BuildSettings.GENERATE_ON_SAVE, false);
			Workbench.file(project, "unformatted.allo", "add.allo");
			project.build(IncrementalProjectBuilder.FULL_BUILD, null);
			assertTrue(!project.getFolder("hls").getFolder("add.prj").exists(), "generated although saving should not");
		} finally {
			preferences.setToDefault(BuildSettings.OUTPUT_FOLDER);
			preferences.setToDefault(BuildSettings.GENERATE_ON_SAVE);
		}
	}

	@Test
	void a_file_with_errors_gets_a_build_problem_at_the_error() throws Exception {
		IProject project = Workbench.project("allo-builder-errors");
		AlloNature.addTo(project);
		IFile file = Workbench.file(project, "typo.allo", "typo.allo");

		project.build(IncrementalProjectBuilder.FULL_BUILD, null);

		IMarker[] problems = file.findMarkers(BUILD_PROBLEM, false, IResource.DEPTH_ZERO);
		assertEquals(1, problems.length);
		assertEquals(14, problems[0].getAttribute(IMarker.LINE_NUMBER, -1));
		assertTrue(problems[0].getAttribute(IMarker.MESSAGE, "").startsWith("HLS project not generated: "),
				problems[0].getAttribute(IMarker.MESSAGE, ""));
		assertTrue(!project.getFolder("build").getFolder("scale.prj").exists(), "a project was generated from a file with errors");
	}
}
