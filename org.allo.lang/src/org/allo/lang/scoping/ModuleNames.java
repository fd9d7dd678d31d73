package org.allo.lang.scoping;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.naming.QualifiedName;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Names of modules: a standard-library file has its dotted name ({@code allo.ir.types}); any
 * other file is named after its base name, so {@code from kernels import gemm} finds
 * {@code kernels.allo} in the same project.
 */
@Singleton
public class ModuleNames {

	@Inject
	private Stdlib stdlib;

	public String moduleName(URI uri) {
		String stdlibName = stdlib.moduleName(uri);
		if (stdlibName != null) {
			return stdlibName;
		}
		String base = uri.trimFileExtension().lastSegment();
		return base == null ? "" : URI.decode(base);
	}

	public QualifiedName qualifiedName(URI uri) {
		return stdlib.qualifiedName(moduleName(uri));
	}
}
