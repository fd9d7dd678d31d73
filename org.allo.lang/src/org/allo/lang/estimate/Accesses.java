package org.allo.lang.estimate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrDimLayout;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrLoad;
import org.allo.lang.ir.IrPartitionKind;
import org.allo.lang.ir.IrStore;
import org.allo.lang.ir.IrStreamGet;
import org.allo.lang.ir.IrStreamPut;
import org.allo.lang.ir.IrVar;
import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * The II that memory ports and streams allow a region (Dahlia's banking rule applied to cycles):
 * each distinct access {@code A[...]} of an iteration exists once per value of the unrolled
 * variables in its indices (equal reads are one access: HLS reads an element once); those copies
 * spread over the banks the layout gives the dimensions they index (cyclic: up to the factor; a
 * block partition only when the copies sweep the whole dimension; complete: one bank each). The
 * busiest bank's accesses over its ports (two for a true dual-port BRAM) is the II the memory
 * allows. A stream takes one read and one write per cycle.
 */
final class Accesses {

	private record Access(IrBuffer buffer, boolean write, List<IrExpr> indices, long copies, long banks) {
	}

	private Accesses() {
	}

	static List<IiLimit> limits(Region region, Storage storage) {
		List<IiLimit> limits = new ArrayList<>();
		Map<IrBuffer, List<Access>> memories = new LinkedHashMap<>();
		Map<String, long[]> streams = new LinkedHashMap<>();
		region.loop().getBody().eAllContents().forEachRemaining(node -> {
			if (node instanceof IrLoad load) {
				add(memories, region, load.getBuffer(), false, load.getIndices());
			} else if (node instanceof IrStore store) {
				add(memories, region, store.getBuffer(), true, store.getIndices());
			} else if (node instanceof IrStreamGet get) {
				count(streams, get.getStream(), get.getIndices(), region, node, 0);
			} else if (node instanceof IrStreamPut put) {
				count(streams, put.getStream(), put.getIndices(), region, node, 1);
			}
		});
		memories.forEach((buffer, accesses) -> memoryLimit(buffer, accesses, storage).ifPresent(limits::add));
		streams.forEach((name, counts) -> {
			long busiest = Math.max(counts[0], counts[1]);
			if (busiest > 1) {
				limits.add(new IiLimit(IiLimit.Kind.STREAM, (int) busiest, "stream " + name + ": " + counts[0] + " reads and " + counts[1]
						+ " writes per iteration, one of each per cycle"));
			}
		});
		return limits;
	}

	private static Optional<IiLimit> memoryLimit(IrBuffer buffer, List<Access> accesses, Storage storage) {
		if (storage.kind(buffer) == Storage.Kind.REGISTERS || storage.kind(buffer) == Storage.Kind.STREAM) {
			return Optional.empty();
		}
		long perBank = 0;
		long total = 0;
		for (Access access : accesses) {
			perBank += (access.copies + access.banks - 1) / access.banks;
			total += access.copies;
		}
		int ports = storage.ports(buffer);
		long ii = (perBank + ports - 1) / ports;
		if (ii <= 1) {
			return Optional.empty();
		}
		return Optional.of(new IiLimit(IiLimit.Kind.MEMORY, (int) ii, buffer.getName() + ": " + total
				+ " accesses per iteration, " + perBank + " on its busiest bank, " + ports + " ports per bank (" + Storage.banks(buffer)
				+ (Storage.banks(buffer) == 1 ? " bank" : " banks") + "); partition it along the unrolled dimension"));
	}

	private static void add(Map<IrBuffer, List<Access>> memories, Region region, IrBuffer buffer, boolean write, EList<IrExpr> indices) {
		if (buffer == null || indices.isEmpty() || Storage.shape(buffer).isEmpty()) {
			return;
		}
		List<Access> accesses = memories.computeIfAbsent(buffer, b -> new ArrayList<>());
		for (Access seen : accesses) {
			if (seen.write == write && EcoreUtil.equals(seen.indices, indices)) {
				return;
			}
		}
		long banks = 1;
		Set<IrVar> all = new HashSet<>();
		for (int d = 0; d < indices.size() && d < Storage.shape(buffer).size(); d++) {
			Set<IrVar> vars = Region.variables(indices.get(d));
			vars.removeIf(v -> region.copiesOf(v) <= 1);
			banks *= banksHit(buffer, d, region.distinct(vars));
			all.addAll(vars);
		}
		long copies = region.distinct(all);
		accesses.add(new Access(buffer, write, List.copyOf(indices), copies, Math.max(1, Math.min(banks, copies))));
	}

	/** Banks of dimension {@code dim} that {@code values} different indices reach. */
	private static long banksHit(IrBuffer buffer, int dim, long values) {
		IrDimLayout layout = Storage.layout(buffer, dim);
		if (layout == null || values <= 1) {
			return 1;
		}
		long size = Storage.shape(buffer).get(dim);
		long banks = Storage.banks(buffer, dim);
		if (layout.getKind() == IrPartitionKind.BLOCK) {
			return values >= size ? banks : 1;
		}
		return Math.min(banks, values);
	}

	private static void count(Map<String, long[]> streams, IrBuffer stream, EList<IrExpr> indices, Region region, EObject node, int slot) {
		if (stream == null) {
			return;
		}
		Set<IrVar> vars = new HashSet<>();
		indices.forEach(index -> vars.addAll(Region.variables(index)));
		long copies = region.copiesAround(node) / Math.max(1, region.distinct(vars));
		streams.computeIfAbsent(stream.getName(), s -> new long[2])[slot] += Math.max(1, copies);
	}
}
