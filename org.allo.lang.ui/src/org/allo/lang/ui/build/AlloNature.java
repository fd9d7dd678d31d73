package org.allo.lang.ui.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.allo.lang.ui.AlloUiPlugin;
import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;

/** The Allo nature: a project whose {@code .allo} files are built by {@link AlloBuilder}. */
public final class AlloNature implements IProjectNature {

	public static final String ID = AlloUiPlugin.ID + ".nature";

	private IProject project;

	@Override
	public void configure() throws CoreException {
		IProjectDescription description = project.getDescription();
		List<ICommand> commands = new ArrayList<>(Arrays.asList(description.getBuildSpec()));
		if (commands.stream().noneMatch(command -> command.getBuilderName().equals(AlloBuilder.ID))) {
			ICommand command = description.newCommand();
			command.setBuilderName(AlloBuilder.ID);
			commands.add(command);
			description.setBuildSpec(commands.toArray(ICommand[]::new));
			project.setDescription(description, null);
		}
	}

	@Override
	public void deconfigure() throws CoreException {
		IProjectDescription description = project.getDescription();
		description.setBuildSpec(Arrays.stream(description.getBuildSpec())
				.filter(command -> !command.getBuilderName().equals(AlloBuilder.ID)).toArray(ICommand[]::new));
		project.setDescription(description, null);
	}

	/** Adds the nature (and so the builder) to {@code project}; nothing if it has it already. */
	public static void addTo(IProject project) throws CoreException {
		IProjectDescription description = project.getDescription();
		if (!description.hasNature(ID)) {
			List<String> natures = new ArrayList<>(Arrays.asList(description.getNatureIds()));
			natures.add(ID);
			description.setNatureIds(natures.toArray(String[]::new));
			project.setDescription(description, null);
		}
	}

	@Override
	public IProject getProject() {
		return project;
	}

	@Override
	public void setProject(IProject project) {
		this.project = project;
	}
}
