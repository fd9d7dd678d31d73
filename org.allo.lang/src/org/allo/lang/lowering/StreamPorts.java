package org.allo.lang.lowering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.allo.lang.allo.Expr;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrStreamType;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * The region streams a kernel instance uses, each FIFO as one stream parameter of the instance
 * ({@code fifo_A[1, 2]} becomes parameter {@code fifo_A_1_2}), in order of first use. A plain
 * kernel has no region streams.
 */
final class StreamPorts {

	/** One FIFO of a region stream, passed to the instance as {@code param}. */
	record Port(IrBuffer regionStream, List<Long> indices, IrBuffer param) {
	}

	private final Map<Referable, IrBuffer> regionStreams;
	private final String instance;
	private final List<StreamUse> uses;
	private final Map<String, Port> ports = new LinkedHashMap<>();

	/** {@code uses} collects every put and get the instance makes. */
	StreamPorts(Map<Referable, IrBuffer> regionStreams, String instance, List<StreamUse> uses) {
		this.regionStreams = regionStreams;
		this.instance = instance;
		this.uses = uses;
	}

	static StreamPorts none() {
		return new StreamPorts(Map.of(), null, new ArrayList<>());
	}

	boolean isRegionStream(Referable name) {
		return regionStreams.containsKey(name);
	}

	/** The parameter for the FIFO at constant indices of a region stream, recording the use. */
	IrBuffer port(VarDecl stream, List<Long> indices, boolean put, Expr site) {
		uses.add(new StreamUse(stream, List.copyOf(indices), instance, put, site));
		String name = stream.getName() + indices.stream().map(index -> "_" + index).collect(Collectors.joining());
		return ports.computeIfAbsent(name, key -> {
			IrBuffer region = regionStreams.get(stream);
			IrStreamType type = EcoreUtil.copy((IrStreamType) region.getType());
			type.getShape().clear();
			IrBuffer param = IrFactory.eINSTANCE.createIrBuffer();
			param.setName(key);
			param.setType(type);
			return new Port(region, List.copyOf(indices), param);
		}).param();
	}

	List<Port> ports() {
		return List.copyOf(ports.values());
	}
}
