package org.allo.codegen.project;

import java.util.List;

/** What the project templates need: the top's name, its arguments in order, and the build options. */
public record ProjectModel(String top, List<ProjectArgument> arguments, BuildOptions options) {

	public String part() {
		return Devices.part(options.device());
	}

	public String platform() {
		return Devices.platform(options.device());
	}

	public boolean knownDevice() {
		return Devices.known(options.device());
	}
}
