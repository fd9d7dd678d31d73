package org.allo.lang.estimate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The target device, its clock and the per-operation tables the estimator uses, read from one
 * properties file ({@code u280.properties} by default) so that they can be calibrated without
 * touching the model.
 */
public final class DeviceModel {

	private static final String DEFAULT_TABLE = "u280.properties";

	private final Properties table;

	private DeviceModel(Properties table) {
		this.table = table;
	}

	/** The Alveo U280 at 300 MHz, as in Allo's PolyBench measurements. */
	public static DeviceModel u280() {
		try (InputStream in = DeviceModel.class.getResourceAsStream(DEFAULT_TABLE)) {
			if (in == null) {
				throw new IllegalStateException(DEFAULT_TABLE + " is missing from the bundle");
			}
			return load(in);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static DeviceModel load(InputStream in) throws IOException {
		Properties table = new Properties();
		table.load(in);
		return new DeviceModel(table);
	}

	/** A copy with one entry changed, for calibration experiments and tests. */
	public DeviceModel with(String key, String value) {
		Properties copy = new Properties();
		copy.putAll(table);
		copy.setProperty(key, value);
		return new DeviceModel(copy);
	}

	public String deviceName() {
		return text("device.name");
	}

	public double clockMhz() {
		return Double.parseDouble(text("device.clock.mhz"));
	}

	public Resources capacity() {
		return new Resources(number("device.dsp"), number("device.bram18k"), number("device.uram"), number("device.ff"),
				number("device.lut"));
	}

	/** The integer entry {@code key}; a missing entry is a broken table, not a user error. */
	public long number(String key) {
		return Long.parseLong(text(key));
	}

	public boolean has(String key) {
		return table.getProperty(key) != null;
	}

	/** The text entry {@code key}; a missing entry is a broken table, not a user error. */
	public String text(String key) {
		String value = table.getProperty(key);
		if (value == null) {
			throw new IllegalStateException("the device table has no entry '" + key + "'");
		}
		return value.trim();
	}
}
