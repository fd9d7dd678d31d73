package org.allo.lang.types;

/** Values outside the kernel type system: kernels, schedules, modules, strings, lists. */
public record OpaqueType(String what) implements Type {

	public static final OpaqueType STRING = new OpaqueType("str");
	public static final OpaqueType LIST = new OpaqueType("list");

	@Override
	public String display() {
		return what;
	}

	@Override
	public String toString() {
		return display();
	}
}
