package org.allo.lang.estimate;

/**
 * One kind of hardware operator as the device table prices it: {@code name} says what it is
 * ({@code f32.add}, {@code int.mul 32x32}); latency in cycles and the resources of one instance.
 */
public record Operation(String name, int latency, Resources resources) {
}
