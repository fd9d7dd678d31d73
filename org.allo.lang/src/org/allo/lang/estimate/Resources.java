package org.allo.lang.estimate;

/** Hardware resources: DSP slices, 18 Kb block RAMs, UltraRAMs, flip-flops and look-up tables. */
public record Resources(long dsp, long bram18k, long uram, long ff, long lut) {

	public static final Resources NONE = new Resources(0, 0, 0, 0, 0);

	public Resources plus(Resources other) {
		return new Resources(dsp + other.dsp, bram18k + other.bram18k, uram + other.uram, ff + other.ff, lut + other.lut);
	}

	public Resources times(long count) {
		return new Resources(dsp * count, bram18k * count, uram * count, ff * count, lut * count);
	}
}
