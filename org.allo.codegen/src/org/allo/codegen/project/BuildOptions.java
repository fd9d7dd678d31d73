package org.allo.codegen.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of one build (LANGUAGE.md §6, Allo's {@code s.build(...)}): target {@code vhls} (kernel.cpp and
 * kernel.h only) or {@code vitis_hls} (the whole project), mode (the Makefile's default goal), the project
 * directory name, and Allo's {@code configs}: device, frequency in MHz, a memory mapping of arguments
 * ({@code hbm_mapping}: argument or {@code output_N} to a bank; an integer n means {@code HBM[n]}), an SLR
 * and {@code stream_connect} lines for the link configuration.
 */
public record BuildOptions(String target, String mode, String project, String device, int frequencyMhz,
		Map<String, String> memoryMapping, String slr, List<String> streamConnect, long seed) {

	public static final String VHLS = "vhls";
	public static final String VITIS_HLS = "vitis_hls";
	public static final long DEFAULT_SEED = 0;

	public static BuildOptions defaults(String target, String project) {
		return new BuildOptions(target, "csim", project, "u280", 300, new LinkedHashMap<>(), null, List.of(), DEFAULT_SEED);
	}

	public boolean fullProject() {
		return VITIS_HLS.equals(target);
	}

	public boolean hasConnectivity() {
		return !memoryMapping.isEmpty() || slr != null || !streamConnect.isEmpty();
	}
}
