package org.allo.lang.tests.fastsim;

import static org.allo.lang.ir.builder.IrNodes.binary;
import static org.allo.lang.ir.builder.IrNodes.cast;
import static org.allo.lang.ir.builder.IrNodes.constant;
import static org.allo.lang.ir.builder.IrNodes.fixed;
import static org.allo.lang.ir.builder.IrNodes.function;
import static org.allo.lang.ir.builder.IrNodes.intType;
import static org.allo.lang.ir.builder.IrNodes.module;
import static org.allo.lang.ir.builder.IrNodes.ref;
import static org.allo.lang.ir.builder.IrNodes.ret;
import static org.allo.lang.ir.builder.IrNodes.var;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.allo.lang.fastsim.FastMode;
import org.allo.lang.interpreter.Interpreter;
import org.allo.lang.ir.IrBinaryOp;
import org.allo.lang.ir.IrExpr;
import org.allo.lang.ir.IrFunction;
import org.allo.lang.ir.IrModule;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrVar;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random expression trees over random integer and fixed-point types (widths 1 to 64 for values, up to 130
 * for intermediate results, any scale) evaluated by both engines on random arguments agree bit for bit.
 * Trees fast mode refuses (an intermediate wider than 64 bits feeding a comparison, say) are discarded.
 */
class FastModePropertyTest {

	private static final IrBinaryOp[] OPS = { IrBinaryOp.ADD, IrBinaryOp.SUB, IrBinaryOp.MUL, IrBinaryOp.DIV, IrBinaryOp.FLOOR_DIV,
			IrBinaryOp.MOD, IrBinaryOp.BIT_AND, IrBinaryOp.BIT_OR, IrBinaryOp.BIT_XOR, IrBinaryOp.LT, IrBinaryOp.EQ, IrBinaryOp.MIN,
			IrBinaryOp.MAX, IrBinaryOp.SHL, IrBinaryOp.SHR, IrBinaryOp.AND };

	@Property(tries = 300)
	void randomExpressionTreesAgree(@ForAll long seed) {
		Random random = new Random(seed);
		List<IrVar> params = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			params.add(var("p" + i, valueType(random)));
		}
		IrType result = valueType(random);
		IrExpr tree = tree(random, params, 3);
		IrFunction f = function("f", params, result, ret(cast(tree, result)));
		IrModule module = module(f);
		FastMode.Choice choice = FastMode.prepare(module, Engines.MAX_STEPS);
		Assume.that(choice.isFast());
		for (int call = 0; call < 8; call++) {
			Engines.assertAgree(new Interpreter(module, Engines.MAX_STEPS), choice.simulator(), f,
					Engines.randomArguments(f, random, call % 2 == 0));
		}
	}

	private static IrExpr tree(Random random, List<IrVar> params, int depth) {
		if (depth == 0 || random.nextInt(4) == 0) {
			return random.nextInt(5) == 0 ? constant(random.nextInt(64) - 16, intType(8, true))
					: ref(params.get(random.nextInt(params.size())));
		}
		IrBinaryOp op = OPS[random.nextInt(OPS.length)];
		IrExpr left = tree(random, params, depth - 1);
		IrExpr right = op == IrBinaryOp.SHL || op == IrBinaryOp.SHR ? constant(random.nextInt(70), intType(8, false))
				: tree(random, params, depth - 1);
		return binary(op, left, right, random.nextInt(3) == 0 ? valueType(random) : intermediateType(random));
	}

	/** Types a variable or parameter may have in fast mode: at most 64 bits (63 unsigned). */
	private static IrType valueType(Random random) {
		boolean signed = random.nextBoolean();
		int bits = 1 + random.nextInt(signed ? 64 : 63);
		return random.nextBoolean() ? intType(bits, signed) : fixed(bits, random.nextInt(bits + 1), signed);
	}

	private static IrType intermediateType(Random random) {
		boolean signed = random.nextBoolean();
		int bits = 1 + random.nextInt(130);
		return random.nextBoolean() ? intType(bits, signed) : fixed(bits, random.nextInt(Math.min(bits, 70) + 1), signed);
	}
}
