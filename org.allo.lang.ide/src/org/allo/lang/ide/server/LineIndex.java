package org.allo.lang.ide.server;

import java.util.Arrays;

/** Line starts of a text, for offset to line/column conversions in O(log lines). */
public final class LineIndex {

	private final String text;
	private final int[] starts;

	public LineIndex(String text) {
		this.text = text;
		int[] found = new int[16];
		int count = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
				if (count == found.length) {
					found = Arrays.copyOf(found, count * 2);
				}
				found[count++] = i + 1;
			}
		}
		this.starts = Arrays.copyOf(found, count);
	}

	/** The 0-based line of an offset. */
	public int lineOf(int offset) {
		int index = Arrays.binarySearch(starts, offset);
		return index >= 0 ? index : -index - 2;
	}

	/** The 0-based column of an offset. */
	public int columnOf(int offset) {
		return offset - starts[lineOf(offset)];
	}

	/** The offset where a 0-based line starts; -1 past the last line. */
	public int startOf(int line) {
		return line < starts.length ? starts[line] : -1;
	}

	/** The offset just past the line's text, before its line break. */
	public int endOfLine(int line) {
		int end = line + 1 < starts.length ? starts[line + 1] : text.length();
		while (end > starts[line] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
			end--;
		}
		return end;
	}
}
