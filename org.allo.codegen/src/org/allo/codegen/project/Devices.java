package org.allo.codegen.project;

import java.util.Map;

/** FPGA part numbers (for {@code hls_config.cfg}) and default Vitis platforms (for the Makefile) of Allo's devices. */
final class Devices {

	private static final Map<String, String> PARTS = Map.of("u280", "xcu280-fsvh2892-2L-e", "u250", "xcu250-figd2104-2L-e",
			"u200", "xcu200-fsgd2104-2-e", "u55c", "xcu55c-fsvh2892-2L-e", "u50", "xcu50-fsvh2104-2-e", "zcu102",
			"xczu9eg-ffvb1156-2-e", "vck190", "xcvc1902-vsva2197-2MP-e-S");

	private static final Map<String, String> PLATFORMS = Map.of("u280", "xilinx_u280_gen3x16_xdma_1_202211_1", "u250",
			"xilinx_u250_gen3x16_xdma_4_1_202210_1", "u200", "xilinx_u200_gen3x16_xdma_2_202110_1", "u55c",
			"xilinx_u55c_gen3x16_xdma_3_202210_1", "u50", "xilinx_u50_gen3x16_xdma_5_202210_1");

	private Devices() {
	}

	static boolean known(String device) {
		return PARTS.containsKey(device);
	}

	/** A part number; an unknown device is taken to be a part number already. */
	static String part(String device) {
		return PARTS.getOrDefault(device, device);
	}

	/** The default platform, or empty when the device has none (PLATFORM must then be given to make). */
	static String platform(String device) {
		return PLATFORMS.getOrDefault(device, "");
	}
}
