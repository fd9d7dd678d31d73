package org.allo.lang.scoping;

import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.allo.lang.allo.Module;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.naming.QualifiedName;

import com.google.inject.Singleton;

/**
 * The standard library: {@code .allo} stubs and kernels shipped inside this bundle, loaded into
 * whatever resource set asks for them, so built-ins are declarations like any other and not lists
 * of names in Java.
 */
@Singleton
public class Stdlib {

	/** Module name → path of its file below {@code org/allo/lang/stdlib/}. */
	private static final Map<String, String> MODULES = Map.of(
			"builtins", "builtins.allo",
			"allo", "allo.allo",
			"allo.ir.types", "allo/ir/types.allo",
			"allo.dataflow", "allo/dataflow.allo",
			"allo.memory", "allo/memory.allo");

	/** Modules whose names every file sees without importing them (Python's built-ins and Allo's types). */
	public static final List<String> PRELUDE = List.of("builtins", "allo.ir.types");

	private final Map<URI, String> namesByUri;
	private final Map<String, URI> urisByName;

	public Stdlib() {
		Map<URI, String> byUri = new java.util.HashMap<>();
		Map<String, URI> byName = new java.util.HashMap<>();
		MODULES.forEach((name, path) -> {
			URI uri = locate(path);
			byUri.put(uri, name);
			byName.put(name, uri);
		});
		namesByUri = Map.copyOf(byUri);
		urisByName = Map.copyOf(byName);
	}

	private static URI locate(String path) {
		URL url = Stdlib.class.getResource("/org/allo/lang/stdlib/" + path);
		if (url == null) {
			throw new IllegalStateException("standard library file missing from the bundle: " + path);
		}
		try {
			return URI.createURI(url.toURI().toString());
		} catch (URISyntaxException e) {
			return URI.createURI(url.toString());
		}
	}

	/** The module name of a standard-library resource, or null for any other resource. */
	public String moduleName(URI uri) {
		return namesByUri.get(uri);
	}

	public boolean isStdlib(Resource resource) {
		return resource != null && namesByUri.containsKey(resource.getURI());
	}

	public QualifiedName qualifiedName(String moduleName) {
		return QualifiedName.create(moduleName.split("\\."));
	}

	public Iterable<String> moduleNames() {
		return MODULES.keySet();
	}

	/** The module's root, loaded into {@code resourceSet} on first use; null if there is no such module. */
	public Module load(ResourceSet resourceSet, String moduleName) {
		URI uri = urisByName.get(moduleName);
		if (uri == null || resourceSet == null) {
			return null;
		}
		Resource resource = resourceSet.getResource(uri, true);
		return resource.getContents().isEmpty() ? null : (Module) resource.getContents().get(0);
	}

	public List<Module> prelude(ResourceSet resourceSet) {
		List<Module> result = new ArrayList<>(PRELUDE.size());
		for (String name : PRELUDE) {
			Module module = load(resourceSet, name);
			if (module != null) {
				result.add(module);
			}
		}
		return result;
	}
}
