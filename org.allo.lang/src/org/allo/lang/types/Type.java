package org.allo.lang.types;

/**
 * The type of an Allo value, as the checker computes it (LANGUAGE.md §3). Immutable; equal types
 * are equal objects. {@link #display()} is the spelling a user would write.
 */
public sealed interface Type permits IntType, FixedType, FloatType, IndexType, TensorType, StreamType, TupleType,
		NoneType, UnknownType, TypeVar, MetaType, OpaqueType {

	String display();

	/** Whether this is a scalar number type (integer, index, fixed or float). */
	default boolean isNumeric() {
		return this instanceof IntType || this instanceof IndexType || this instanceof FixedType
				|| this instanceof FloatType;
	}

	/** Unknown after an error, or a symbolic template parameter: checks stay silent about it. */
	default boolean isIndeterminate() {
		return this instanceof UnknownType || this instanceof TypeVar;
	}
}
