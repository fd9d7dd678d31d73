package org.allo.lang.estimate;

import java.util.Arrays;
import java.util.Locale;

/**
 * When a dataflow process fed by a stream starts (device table entry
 * {@code dataflow.stream.start}): with its producer, as Vitis HLS's csynth report assumes, or when
 * the producer first writes the stream, as the hardware runs.
 */
enum StreamStart {
	CSYNTH("csynth"), FIRST_WRITE("first-write");

	private static final String KEY = "dataflow.stream.start";

	private final String setting;

	StreamStart(String setting) {
		this.setting = setting;
	}

	String setting() {
		return KEY + "=" + setting;
	}

	static StreamStart of(DeviceModel device) {
		String value = device.text(KEY).toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(rule -> rule.setting.equals(value)).findFirst()
				.orElseThrow(() -> new IllegalStateException("the device table's " + KEY + " is '" + value + "'; expected csynth or first-write"));
	}
}
