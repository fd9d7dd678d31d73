package org.allo.codegen.cpp;

import java.util.List;

/** A function parameter: a value, an array {@code T a[M][N]}, a pointer {@code T *p} or a reference {@code T &r}. */
public record CParam(CType type, String name, Form form, List<Long> dims) {

	public enum Form {
		VALUE, ARRAY, POINTER, REFERENCE
	}
}
