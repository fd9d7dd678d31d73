package org.allo.lang.estimate;

import java.util.List;

import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrDimLayout;
import org.allo.lang.ir.IrLayout;
import org.allo.lang.ir.IrPartitionKind;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.ir.IrType;

/**
 * Where a buffer lives and how it is banked: per dimension the number of banks its layout makes,
 * whether each bank is a memory (BRAM, or URAM when bound so) with a fixed number of ports or
 * registers (small banks and completely partitioned arrays), and the read latency that follows.
 */
public final class Storage {

	public enum Kind {
		REGISTERS, LUTRAM, BRAM, URAM, STREAM
	}

	private final DeviceModel device;

	public Storage(DeviceModel device) {
		this.device = device;
	}

	public Kind kind(IrBuffer buffer) {
		if (buffer.getType() instanceof IrStreamType) {
			return Kind.STREAM;
		}
		if (!(buffer.getType() instanceof IrTensorType tensor) || completelyPartitioned(buffer, tensor)
				|| bitsPerBank(buffer) <= device.number("mem.register.max.bits")) {
			return Kind.REGISTERS;
		}
		if (isUram(buffer)) {
			return Kind.URAM;
		}
		return bitsPerBank(buffer) <= device.number("mem.lutram.max.bits") ? Kind.LUTRAM : Kind.BRAM;
	}

	private static boolean isUram(IrBuffer buffer) {
		return contains(buffer.getResource(), "URAM") || contains(buffer.getStorageType(), "URAM");
	}

	private static boolean contains(String text, String part) {
		return text != null && text.toUpperCase().contains(part);
	}

	/** Ports of each bank: a storage_type given by the user decides, else true dual port. */
	public int ports(IrBuffer buffer) {
		String storage = buffer.getStorageType();
		String key = storage == null ? null : "mem.ports." + storage.toUpperCase();
		return (int) device.number(key != null && device.has(key) ? key : "mem.ports.default");
	}

	public long readLatency(IrBuffer buffer) {
		return switch (kind(buffer)) {
		case REGISTERS -> device.number("mem.register.read.latency");
		case STREAM -> device.number("stream.access.latency");
		case LUTRAM, BRAM, URAM -> device.number("mem.bram.read.latency");
		};
	}

	public long storeLatency() {
		return device.number("mem.store.latency");
	}

	/**
	 * Cycles a store adds to a loop-carried recurrence: none, since the next iteration's load may
	 * issue in the store's cycle (calibrated on Allo's designs: II 4 = f32 add for register
	 * accumulators in bicg and gemm, II 6 = BRAM read + f32 add in syrk).
	 */
	public long recurrenceStoreLatency() {
		return device.number("mem.recurrence.store.latency");
	}

	public static List<Long> shape(IrBuffer buffer) {
		IrType type = buffer.getType();
		if (type instanceof IrTensorType tensor) {
			return tensor.getShape();
		}
		return List.of();
	}

	public static long elements(IrBuffer buffer) {
		long count = 1;
		for (long size : shape(buffer)) {
			count *= size;
		}
		return count;
	}

	/** The layout of dimension {@code dim} (from 0); unpartitioned when the buffer has none. */
	public static IrDimLayout layout(IrBuffer buffer, int dim) {
		IrLayout layout = buffer.getLayout();
		return layout == null || dim >= layout.getDims().size() ? null : layout.getDims().get(dim);
	}

	public static IrPartitionKind partition(IrBuffer buffer, int dim) {
		IrDimLayout layout = layout(buffer, dim);
		return layout == null ? IrPartitionKind.NONE : layout.getKind();
	}

	/** Banks along dimension {@code dim}: the factor of a block or cyclic partition, the size when complete. */
	public static long banks(IrBuffer buffer, int dim) {
		IrDimLayout layout = layout(buffer, dim);
		long size = shape(buffer).get(dim);
		if (layout == null) {
			return 1;
		}
		return switch (layout.getKind()) {
		case NONE -> 1;
		case COMPLETE -> size;
		case BLOCK, CYCLIC -> Math.max(1, Math.min(size, layout.getFactor()));
		};
	}

	public static long banks(IrBuffer buffer) {
		long count = 1;
		for (int d = 0; d < shape(buffer).size(); d++) {
			count *= banks(buffer, d);
		}
		return count;
	}

	public static long bitsPerBank(IrBuffer buffer) {
		long perBank = (elements(buffer) + banks(buffer) - 1) / banks(buffer);
		return perBank * Operations.bits(elementType(buffer));
	}

	public static IrType elementType(IrBuffer buffer) {
		IrType type = buffer.getType();
		if (type instanceof IrTensorType tensor) {
			return tensor.getElement();
		}
		if (type instanceof IrStreamType stream) {
			return stream.getElement();
		}
		return type;
	}

	private static boolean completelyPartitioned(IrBuffer buffer, IrTensorType tensor) {
		for (int d = 0; d < tensor.getShape().size(); d++) {
			if (tensor.getShape().get(d) > 1 && partition(buffer, d) != IrPartitionKind.COMPLETE) {
				return false;
			}
		}
		return true;
	}
}
