package org.allo.lang.ui.build;

import org.allo.lang.ui.AlloUiPlugin;
import org.eclipse.jface.preference.IPreferenceStore;

/** The build options of the preference page, with their keys and defaults. */
public record BuildSettings(String outputFolder, String target, boolean generateOnSave) {

	public static final String OUTPUT_FOLDER = "build.outputFolder";
	public static final String TARGET = "build.target";
	public static final String GENERATE_ON_SAVE = "build.generateOnSave";

	/** As {@code allo build} defaults: {@code build/}, the target each schedule's build() names or Vitis HLS. */
	static final String DEFAULT_OUTPUT_FOLDER = "build";
	static final String DEFAULT_TARGET = "vitis_hls";

	public static BuildSettings current() {
		IPreferenceStore store = AlloUiPlugin.getDefault().getPreferenceStore();
		return new BuildSettings(store.getString(OUTPUT_FOLDER), store.getString(TARGET), store.getBoolean(GENERATE_ON_SAVE));
	}

	static void setDefaults(IPreferenceStore store) {
		store.setDefault(OUTPUT_FOLDER, DEFAULT_OUTPUT_FOLDER);
		store.setDefault(TARGET, DEFAULT_TARGET);
		store.setDefault(GENERATE_ON_SAVE, true);
	}
}
