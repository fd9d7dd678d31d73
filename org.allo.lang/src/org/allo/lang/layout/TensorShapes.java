package org.allo.lang.layout;

import org.allo.lang.scoping.Names;
import org.allo.lang.allo.CallExpr;
import org.allo.lang.allo.ClassDef;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.FunctionDef;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.Param;
import org.allo.lang.allo.Referable;
import org.allo.lang.allo.SubscriptExpr;
import org.allo.lang.allo.VarDecl;
import org.allo.lang.scoping.Members;

/**
 * Rank and dimension sizes of tensors, read from their declarations ({@code A: int32[M, 32]}, a
 * callee's {@code -> float32[P, R]}). Sizes that are not integer constants are
 * {@link DimLayout#UNKNOWN_SIZE}. This is the only place the layout checks learn shapes from, so it
 * can later ask the type checker instead.
 */
public final class TensorShapes {

	private static final int MAX_ALIAS_DEPTH = 16;

	private TensorShapes() {
	}

	/** The sizes of a tensor, outermost first; null for scalars, streams and unknown shapes. */
	public static int[] sizesOf(Referable tensor) {
		return sizesOf(tensor, 0);
	}

	private static int[] sizesOf(Referable tensor, int depth) {
		if (tensor instanceof Param param) {
			return sizesOfType(param.getType());
		}
		if (tensor instanceof VarDecl decl) {
			return sizesOfType(decl.getType());
		}
		if (tensor instanceof FunctionDef kernel) {
			return sizesOfType(kernel.getReturnType());
		}
		if (tensor instanceof NameRef assigned && depth < MAX_ALIAS_DEPTH) {
			Expr value = Members.assignedValue(assigned);
			if (value instanceof CallExpr call && calleeKernel(call) != null) {
				return sizesOfType(calleeKernel(call).getReturnType());
			}
			if (value instanceof NameRef alias) {
				return sizesOf(Names.targetOf(alias), depth + 1);
			}
		}
		return null;
	}

	/** The sizes a type annotation declares: {@code int32[M, 32]} has two; null if not an array. */
	public static int[] sizesOfType(Expr type) {
		if (!(type instanceof SubscriptExpr array) || isStreamClass(array.getTarget())
				|| array.getTarget() instanceof SubscriptExpr) {
			return null;
		}
		int[] sizes = new int[array.getIndices().size()];
		for (int i = 0; i < sizes.length; i++) {
			Integer size = ConstantInts.valueOf(array.getIndices().get(i));
			sizes[i] = size == null || size < 1 ? DimLayout.UNKNOWN_SIZE : size;
		}
		return sizes;
	}

	/** Whether the tensor is a FIFO ({@code Stream[T, d]} or an array of them), which has no banks. */
	public static boolean isStream(Referable tensor) {
		Expr type = tensor instanceof Param param ? param.getType() : tensor instanceof VarDecl decl ? decl.getType() : null;
		while (type instanceof SubscriptExpr subscript) {
			type = subscript.getTarget();
		}
		return type != null && isStreamClass(type);
	}

	/** The kernel a call calls, also through template arguments ({@code f[T, 4](A)}); null otherwise. */
	public static FunctionDef calleeKernel(CallExpr call) {
		Expr callee = call.getCallee();
		if (callee instanceof SubscriptExpr instance) {
			callee = instance.getTarget();
		}
		return Names.targetOf(callee) instanceof FunctionDef kernel && kernel.getBody() != null ? kernel : null;
	}

	private static boolean isStreamClass(Expr type) {
		return Names.targetOf(type) instanceof ClassDef classDef && "Stream".equals(classDef.getName());
	}
}
