package org.allo.lang.estimate;

import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrStreamType;

/**
 * The memory a buffer takes once banked: per bank, 18 Kb block RAMs in the widest aspect ratio
 * that fits its depth (512 x 36 ... 16K x 1), or UltraRAMs (4K x 72) when bound to URAM, or
 * LUTRAM for small banks, or flip-flops for registers; a stream is a shift register in LUTs
 * when small and a BRAM FIFO otherwise.
 */
final class MemoryResources {

	private final DeviceModel device;
	private final Storage storage;

	MemoryResources(DeviceModel device, Storage storage) {
		this.device = device;
		this.storage = storage;
	}

	Resources of(IrBuffer buffer) {
		int width = Operations.bits(Storage.elementType(buffer));
		if (buffer.getType() instanceof IrStreamType stream) {
			long fifos = 1;
			for (long size : stream.getShape()) {
				fifos *= size;
			}
			long depth = Math.max(1, stream.getDepth());
			if (depth * width <= device.number("stream.srl.max.bits")) {
				return new Resources(0, 0, 0, 2L * width, width * ((depth + 31) / 32)).times(fifos);
			}
			return new Resources(0, bram18k(depth, width), 0, 2L * width, 2L * width).times(fifos);
		}
		long banks = Storage.banks(buffer);
		long depth = (Storage.elements(buffer) + banks - 1) / banks;
		return switch (storage.kind(buffer)) {
		case REGISTERS -> new Resources(0, 0, 0, Storage.elements(buffer) * width, 0);
		case LUTRAM -> new Resources(0, 0, 0, 0, (depth * width + 63) / 64).times(banks);
		case URAM -> new Resources(0, 0, ceilDiv(width, device.number("mem.uram.width")) * ceilDiv(depth, device.number("mem.uram.depth")),
				0, 0).times(banks);
		case BRAM, STREAM -> new Resources(0, bram18k(depth, width), 0, 0, 0).times(banks);
		};
	}

	/** 18 Kb blocks for one bank of {@code depth} words of {@code width} bits. */
	private long bram18k(long depth, long width) {
		long maxWidth = device.number("mem.bram18k.max.width");
		long bits = device.number("mem.bram18k.bits");
		long portWidth = maxWidth;
		while (portWidth > 1 && depth * portWidth > bits) {
			portWidth /= 2;
		}
		long words = bits / Math.max(1, portWidth);
		return ceilDiv(width, portWidth) * ceilDiv(depth, words);
	}

	private static long ceilDiv(long a, long b) {
		return (a + b - 1) / b;
	}
}
