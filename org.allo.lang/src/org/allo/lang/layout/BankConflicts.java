package org.allo.lang.layout;

import org.allo.lang.scoping.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.allo.lang.allo.BinaryExpr;
import org.allo.lang.allo.Expr;
import org.allo.lang.allo.LoopVar;
import org.allo.lang.allo.NameRef;
import org.allo.lang.allo.SubscriptExpr;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;

/**
 * How many different elements of one tensor the copies of an unrolled loop touch in one bank in
 * the same cycle (Dahlia's banking rule, allo-reference §9). An index is either {@code i + c} for
 * the unrolled loop {@code i} (so the copies touch consecutive elements, {@code stride} apart), or
 * does not mention {@code i} (every copy touches the same element). Accesses with other indices
 * ({@code 2 * i}, {@code i // 2}) are left out: their banks are not known syntactically. Reading the
 * same element twice in a cycle costs one access, as in Dahlia.
 */
public final class BankConflicts {

	/** Unroll factors beyond this are not analysed (the count would be too slow to be worth it). */
	public static final int MAX_UNROLL = 1024;
	private static final int MAX_BASES = 1024;

	/** One access {@code A[...]}: per dimension an offset from the loop variable, or opaque text. */
	public record Access(SubscriptExpr expr, Integer[] offsets, String[] texts) {

		/** Whether dimension {@code dim} (from 1) is indexed by the unrolled loop. */
		public boolean indexedByLoop(int dim) {
			return offsets[dim - 1] != null;
		}

		public boolean usesLoop() {
			for (Integer offset : offsets) {
				if (offset != null) {
					return true;
				}
			}
			return false;
		}
	}

	private BankConflicts() {
	}

	/** The access as seen from loop {@code loop}; null when an index uses the loop other than as {@code i + c}. */
	public static Access access(SubscriptExpr subscript, LoopVar loop) {
		int rank = subscript.getIndices().size();
		Integer[] offsets = new Integer[rank];
		String[] texts = new String[rank];
		for (int d = 0; d < rank; d++) {
			Expr index = subscript.getIndices().get(d);
			if (mentions(index, loop)) {
				offsets[d] = offset(index, loop);
				if (offsets[d] == null) {
					return null;
				}
			} else {
				texts[d] = NodeModelUtils.getTokenText(NodeModelUtils.getNode(index));
			}
		}
		return new Access(subscript, offsets, texts);
	}

	private static boolean mentions(Expr index, LoopVar loop) {
		if (index instanceof NameRef name && Names.targetOf(name) == loop) {
			return true;
		}
		for (NameRef name : EcoreUtil2.getAllContentsOfType(index, NameRef.class)) {
			if (Names.targetOf(name) == loop) {
				return true;
			}
		}
		return false;
	}

	private static Integer offset(Expr index, LoopVar loop) {
		if (index instanceof NameRef name && Names.targetOf(name) == loop) {
			return 0;
		}
		if (index instanceof BinaryExpr binary && ("+".equals(binary.getOp()) || "-".equals(binary.getOp()))) {
			boolean plus = "+".equals(binary.getOp());
			if (binary.getLeft() instanceof NameRef left && Names.targetOf(left) == loop) {
				Integer c = ConstantInts.valueOf(binary.getRight());
				return c == null ? null : plus ? c : -c;
			}
			if (plus && binary.getRight() instanceof NameRef right && Names.targetOf(right) == loop) {
				return ConstantInts.valueOf(binary.getLeft());
			}
		}
		return null;
	}

	/**
	 * The largest number of different elements that fall into one bank when {@code unroll} copies
	 * of the loop (indices {@code stride} apart) run the accesses together, over every alignment of
	 * the copies; -1 when a bank cannot be computed (a Block dimension of unknown size).
	 */
	public static int perBank(List<Access> accesses, Layout layout, LayoutVariable tensor, int unroll, int stride) {
		int bases = bases(accesses, layout, tensor, unroll, stride);
		if (bases < 0) {
			return -1;
		}
		int worst = 0;
		for (int k = 0; k < bases; k++) {
			long base = (long) k * unroll * stride;
			Map<String, Set<String>> elementsByBank = new HashMap<>();
			for (Access access : accesses) {
				for (int copy = 0; copy < (access.usesLoop() ? unroll : 1); copy++) {
					StringBuilder bank = new StringBuilder();
					StringBuilder element = new StringBuilder();
					for (int d = 1; d <= tensor.rank(); d++) {
						if (access.indexedByLoop(d)) {
							long value = base + (long) copy * stride + access.offsets()[d - 1];
							bank.append(bankOf(layout.dim(d), tensor.size(d), value)).append(',');
							element.append(value).append(',');
						} else {
							String text = access.texts()[d - 1];
							bank.append(layout.dim(d).kind() == DimLayout.Kind.NONE ? "0" : "?" + text).append(',');
							element.append(text).append(',');
						}
					}
					Set<String> elements = elementsByBank.computeIfAbsent(bank.toString(), b -> new HashSet<>());
					elements.add(element.toString());
					worst = Math.max(worst, elements.size());
				}
			}
		}
		return worst;
	}

	/**
	 * How many alignments of the copies ({@code k * unroll * stride}) give every distinct bank
	 * pattern: a Cyclic(f) dimension repeats after f / gcd(f, unroll * stride) of them, a Block
	 * dimension needs them all; -1 when not computable.
	 */
	private static int bases(List<Access> accesses, Layout layout, LayoutVariable tensor, int unroll, int stride) {
		long cyclicPeriod = 1;
		long blockBases = 1;
		long step = (long) unroll * stride;
		for (int d = 1; d <= tensor.rank(); d++) {
			final int dim = d;
			if (accesses.stream().noneMatch(a -> a.indexedByLoop(dim))) {
				continue;
			}
			DimLayout dimLayout = layout.dim(d);
			if (dimLayout.kind() == DimLayout.Kind.CYCLIC) {
				long period = dimLayout.factor() / gcd(dimLayout.factor(), step);
				cyclicPeriod = Math.min(MAX_BASES, cyclicPeriod / gcd(cyclicPeriod, period) * period);
			} else if (dimLayout.kind() == DimLayout.Kind.BLOCK) {
				if (tensor.size(d) == DimLayout.UNKNOWN_SIZE) {
					return -1;
				}
				blockBases = Math.max(blockBases, tensor.size(d) / step + 1);
			}
		}
		return (int) Math.min(MAX_BASES, Math.max(cyclicPeriod, blockBases));
	}

	private static long gcd(long a, long b) {
		return b == 0 ? a : gcd(b, a % b);
	}

	private static long bankOf(DimLayout layout, int size, long index) {
		return switch (layout.kind()) {
		case NONE -> 0;
		case COMPLETE -> index;
		case CYCLIC -> Math.floorMod(index, layout.factor());
		case BLOCK -> Math.floorDiv(index, (size + layout.factor() - 1) / layout.factor());
		};
	}

	/** The accesses of {@code body} elements (of any tensor) seen from the loop; those not analysable are left out. */
	public static List<Access> accessesIn(List<SubscriptExpr> subscripts, LoopVar loop) {
		List<Access> result = new ArrayList<>();
		for (SubscriptExpr subscript : subscripts) {
			Access access = access(subscript, loop);
			if (access != null) {
				result.add(access);
			}
		}
		return result;
	}
}
