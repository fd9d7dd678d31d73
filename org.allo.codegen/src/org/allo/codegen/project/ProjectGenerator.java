package org.allo.codegen.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.allo.codegen.CodegenException;
import org.allo.codegen.cpp.CParam;
import org.allo.codegen.kernel.CTypes;
import org.allo.codegen.kernel.KernelEmitter;
import org.allo.codegen.kernel.KernelSources;
import org.allo.lang.ir.IrBuffer;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.query.WrittenParameters;

/**
 * The files of one design (LANGUAGE.md §7), by path relative to the project directory: for {@code vhls}
 * kernel.cpp and kernel.h; for {@code vitis_hls} also tb.cpp, host.cpp, allo_data.h, data/, Makefile,
 * hls_config.cfg, {@code <top>.cfg} when a memory mapping is given, and the compatibility headers in include/.
 */
public final class ProjectGenerator {

	static final List<String> HEADERS = List.of("ap_int.h", "ap_fixed.h", "hls_half.h", "hls_math.h", "hls_stream.h",
			"hls_vector.h");

	private ProjectGenerator() {
	}

	public static Map<String, String> generate(IrModule module, BuildOptions options) {
		KernelSources kernel = KernelEmitter.emit(module);
		Map<String, String> files = new LinkedHashMap<>();
		files.put("kernel.cpp", kernel.kernelCpp());
		files.put("kernel.h", kernel.kernelH());
		if (!options.fullProject()) {
			return files;
		}
		ProjectModel model = new ProjectModel(kernel.topFunction().name(), arguments(kernel), checked(options, kernel));
		files.put("tb.cpp", ProjectTemplates.testbench(model));
		files.put("host.cpp", ProjectTemplates.host(model));
		files.put("allo_data.h", resource("/project/allo_data.h"));
		files.put("Makefile", ProjectTemplates.makefile(model));
		files.put("hls_config.cfg", ProjectTemplates.hlsConfig(model));
		if (options.hasConnectivity()) {
			files.put(model.top() + ".cfg", ProjectTemplates.connectivity(model));
		}
		GoldenData.compute(module, kernel.top(), options.seed()).forEach((name, text) -> files.put("data/" + name, text));
		for (String header : HEADERS) {
			files.put("include/" + header, resource("/include/" + header));
		}
		return files;
	}

	/** The top's C++ parameters as the testbench and host pass them, with the data files they read and check. */
	private static List<ProjectArgument> arguments(KernelSources kernel) {
		IrFunction top = kernel.top();
		List<ProjectArgument> arguments = new ArrayList<>();
		List<CParam> params = kernel.topFunction().params();
		for (int i = 0; i < params.size(); i++) {
			CParam param = params.get(i);
			boolean pointer = param.form() == CParam.Form.POINTER;
			boolean parameter = i < top.getParams().size();
			long count = parameter ? CTypes.elements(top.getParams().get(i).getType())
					: CTypes.elements(top.getResults().get(i - top.getParams().size()));
			boolean written = parameter && top.getParams().get(i) instanceof IrBuffer buffer && pointer
					&& WrittenParameters.writes(top, buffer);
			arguments.add(new ProjectArgument(i, param.name(), param.type().spelling(), count, pointer, parameter, !parameter || written));
		}
		return arguments;
	}

	/** Memory-mapping keys must name a port of the top: an argument or output_N. */
	private static BuildOptions checked(BuildOptions options, KernelSources kernel) {
		List<String> ports = kernel.topFunction().params().stream().map(CParam::name).toList();
		for (String key : options.memoryMapping().keySet()) {
			if (!ports.contains(key)) {
				throw new CodegenException("hbm_mapping names '" + key + "', which is not an argument of '" + kernel.top().getName()
						+ "'; its ports: " + String.join(", ", ports));
			}
		}
		return options;
	}

	static String resource(String path) {
		try (InputStream in = ProjectGenerator.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("resource " + path + " is missing from org.allo.codegen");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
