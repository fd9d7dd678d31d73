package org.allo.lang.ui.build;

import org.allo.lang.ui.AlloUiPlugin;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** Preferences > Allo > Build: where HLS projects go, for which tool, and whether saving builds them. */
public final class BuildPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public BuildPreferencePage() {
		super(GRID);
		setDescription("HLS projects generated from .allo files (allo build)");
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(AlloUiPlugin.getDefault().getPreferenceStore());
	}

	@Override
	protected void createFieldEditors() {
		addField(new StringFieldEditor(BuildSettings.OUTPUT_FOLDER, "Output folder (in each project):", getFieldEditorParent()));
		addField(new ComboFieldEditor(BuildSettings.TARGET, "Target:",
				new String[][] { { "Vitis HLS", "vitis_hls" }, { "Vivado HLS", "vhls" } }, getFieldEditorParent()));
		addField(new BooleanFieldEditor(BuildSettings.GENERATE_ON_SAVE,
				"Generate the HLS project when an .allo file is saved (projects with the Allo nature)", getFieldEditorParent()));
	}
}
