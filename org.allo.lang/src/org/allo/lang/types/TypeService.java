package org.allo.lang.types;

import java.util.Map;
import java.util.function.Supplier;

import org.allo.lang.allo.Expr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.Referable;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * The public answer to "what is the type of this expression / declaration, and the shape of this
 * tensor" (editor hover, the layout checker, code generation). Templates are typed with their
 * parameters symbolic. Results are cached per resource and dropped when the resource changes.
 */
@Singleton
public class TypeService {

	private enum Query {
		DECLARATION, ANNOTATION, RETURN
	}

	@Inject
	private TypeComputer computer;

	@Inject
	private IResourceScopeCache cache;

	public Type typeOf(Expr expr) {
		return computer.typeOf(expr, Map.of());
	}

	/** The type of the value a declaration binds: variable, parameter, loop variable, constant, alias. */
	public Type typeOf(Referable referable) {
		return cached(Query.DECLARATION, referable, () -> computer.typeOf(referable, Map.of()));
	}

	/** The type an annotation denotes ({@code int32[M, N]}, {@code (int32[M], int32[M])}, {@code None}). */
	public Type declaredType(Expr annotation) {
		return cached(Query.ANNOTATION, annotation, () -> computer.denotedType(annotation, Map.of()));
	}

	/** What calls to a kernel return: its {@code ->} annotation, None without one. */
	public Type returnType(FunctionDef kernel) {
		return cached(Query.RETURN, kernel, () -> computer.returnType(kernel, Map.of()));
	}

	/** The shape of a tensor declaration (parameter, local, constant); null when it is not a tensor. */
	public TensorShape shapeOf(Referable tensor) {
		return typeOf(tensor) instanceof TensorType type ? new TensorShape(type.shape()) : null;
	}

	/** The element type of a tensor declaration, or the type of a scalar one. */
	public Type elementTypeOf(Referable tensor) {
		Type type = typeOf(tensor);
		return type instanceof TensorType tensorType ? tensorType.element() : type;
	}

	private Type cached(Query query, EObject object, Supplier<Type> compute) {
		if (object == null || object.eResource() == null) {
			return compute.get();
		}
		return cache.get(Tuples.create(TypeService.class, query, object), object.eResource(), compute::get);
	}
}
