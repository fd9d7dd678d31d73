package org.allo.codegen.kernel;

import java.util.Locale;

import org.allo.lang.ir.IrDimLayout;
import org.allo.lang.ir.IrPartitionKind;

/** HLS pragma texts (after {@code #pragma HLS}) in the spelling of UG1399 (Vitis 2023.2 and later). */
final class Pragmas {

	private Pragmas() {
	}

	static String pipeline(int initiationInterval, boolean rewind) {
		return "pipeline II=" + initiationInterval + (rewind ? " rewind" : "");
	}

	/** factor 0 unrolls fully. */
	static String unroll(int factor) {
		return factor == 0 ? "unroll" : "unroll factor=" + factor;
	}

	static String dataflow() {
		return "dataflow";
	}

	static String inline() {
		return "inline";
	}

	/** dim is 1-based; null when the dimension is not partitioned. */
	static String arrayPartition(String variable, IrDimLayout layout, int dim) {
		IrPartitionKind kind = layout.getKind();
		if (kind == IrPartitionKind.NONE) {
			return null;
		}
		String type = kind.getLiteral().toLowerCase(Locale.ROOT);
		String factor = kind == IrPartitionKind.COMPLETE ? "" : " factor=" + layout.getFactor();
		return "array_partition variable=" + variable + " type=" + type + factor + " dim=" + dim;
	}

	static String stream(String variable, int depth) {
		return "stream variable=" + variable + " depth=" + depth;
	}

	/** storageType like RAM_2P, resource like BRAM; either may be null (type defaults to ram_2p, impl to the tool's choice). */
	static String bindStorage(String variable, String storageType, String resource) {
		String type = storageType == null ? "ram_2p" : storageType.toLowerCase(Locale.ROOT);
		boolean automatic = resource == null || resource.equalsIgnoreCase("auto");
		return "bind_storage variable=" + variable + " type=" + type + (automatic ? "" : " impl=" + resource.toLowerCase(Locale.ROOT));
	}

	static String maxi(String port, int bundle) {
		return "interface m_axi port=" + port + " offset=slave bundle=gmem" + bundle;
	}

	static String axilite(String port) {
		return "interface s_axilite port=" + port + " bundle=control";
	}
}
