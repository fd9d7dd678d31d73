package org.allo.lang.ui.build;

import org.allo.lang.ui.AlloUiPlugin;
import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;

public final class BuildPreferenceDefaults extends AbstractPreferenceInitializer {

	@Override
	public void initializeDefaultPreferences() {
		BuildSettings.setDefaults(AlloUiPlugin.getDefault().getPreferenceStore());
	}
}
