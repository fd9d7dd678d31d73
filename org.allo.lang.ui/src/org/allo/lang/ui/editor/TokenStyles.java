package org.allo.lang.ui.editor;

import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;

/** The look of each semantic token type (the legend of {@code SemanticTokenizer}). */
public final class TokenStyles {

	/** The {@code defaultLibrary} modifier bit: names of the standard library are set in italics. */
	private static final int DEFAULT_LIBRARY = 2;

	private static final Map<String, Color> COLORS = Map.ofEntries(
			Map.entry("keyword", new Color(127, 0, 85)),
			Map.entry("number", new Color(9, 134, 88)),
			Map.entry("string", new Color(42, 0, 255)),
			Map.entry("comment", new Color(63, 127, 95)),
			Map.entry("function", new Color(121, 94, 38)),
			Map.entry("method", new Color(121, 94, 38)),
			Map.entry("parameter", new Color(0, 16, 128)),
			Map.entry("variable", new Color(0, 16, 128)),
			Map.entry("type", new Color(38, 127, 153)),
			Map.entry("typeParameter", new Color(38, 127, 153)),
			Map.entry("namespace", new Color(38, 127, 153)),
			Map.entry("decorator", new Color(100, 100, 100)),
			Map.entry("property", new Color(0, 0, 192)));

	private TokenStyles() {
	}

	public static Color colorOf(String type) {
		return COLORS.get(type);
	}

	static StyleRange styleOf(String type, int modifiers, int offset, int length) {
		StyleRange style = new StyleRange(offset, length, colorOf(type), null);
		if (type.equals("keyword")) {
			style.fontStyle = SWT.BOLD;
		} else if (type.equals("comment") || (modifiers & DEFAULT_LIBRARY) != 0) {
			style.fontStyle = SWT.ITALIC;
		}
		return style;
	}
}
