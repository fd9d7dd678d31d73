package org.allo.lang.lowering;

import java.util.ArrayList;
import java.util.List;

import org.allo.lang.ir.IrFloatKind;
import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrFactory;
import org.allo.lang.ir.IrFixedType;
import org.allo.lang.ir.IrFloatType;
import org.allo.lang.ir.IrIntType;
import org.allo.lang.ir.IrStreamType;
import org.allo.lang.ir.IrTensorType;
import org.allo.lang.types.Dim;
import org.allo.lang.types.FixedType;
import org.allo.lang.types.FloatType;
import org.allo.lang.types.IndexType;
import org.allo.lang.types.IntType;
import org.allo.lang.types.StreamType;
import org.allo.lang.types.TensorType;
import org.allo.lang.types.Type;
import org.allo.lang.validation.IssueCodes;
import org.eclipse.emf.ecore.EObject;

/** The checker's types as IR types; a type the IR cannot express is a lowering error at {@code at}. */
final class TypeLowering {

	private static final IrFactory IR = IrFactory.eINSTANCE;

	private TypeLowering() {
	}

	static IrType lower(Type type, EObject at) {
		if (type instanceof IntType integer) {
			IrIntType result = IR.createIrIntType();
			result.setBits(integer.bits());
			result.setSigned(integer.signed());
			return result;
		} else if (type instanceof FixedType fixed) {
			IrFixedType result = IR.createIrFixedType();
			result.setBits(fixed.bits());
			result.setFracs(fixed.fracs());
			result.setSigned(fixed.signed());
			return result;
		} else if (type instanceof FloatType real) {
			return floating(real, at);
		} else if (type instanceof IndexType) {
			return IR.createIrIndexType();
		} else if (type instanceof StreamType stream) {
			return stream(stream, List.of(), at);
		} else if (type instanceof TensorType tensor && tensor.element() instanceof StreamType stream) {
			return stream(stream, knownShape(tensor, at), at);
		} else if (type instanceof TensorType tensor) {
			IrTensorType result = IR.createIrTensorType();
			result.setElement(lower(tensor.element(), at));
			result.getShape().addAll(knownShape(tensor, at));
			return result;
		}
		throw unsupported(type, at);
	}

	/** {@code Stream[T, d]} or an array of them; depth 0 when the source leaves it to FIFO sizing. */
	private static IrStreamType stream(StreamType stream, List<Long> shape, EObject at) {
		if (!stream.element().isNumeric()) {
			throw new LoweringError(at, IssueCodes.LOWERING_UNSUPPORTED_TYPE, "the IR has no form for a stream of '"
					+ stream.element().display() + "' yet; stream scalars (int, fixed or float) and send blocks element by element");
		}
		IrStreamType result = IR.createIrStreamType();
		result.setElement(lower(stream.element(), at));
		result.setDepth(stream.depth() == null ? 0 : stream.depth().intValue());
		result.getShape().addAll(shape);
		return result;
	}

	private static List<Long> knownShape(TensorType tensor, EObject at) {
		List<Long> shape = new ArrayList<>();
		for (Dim dim : tensor.shape()) {
			if (!dim.isKnown()) {
				throw unsupported(tensor, at);
			}
			shape.add(dim.size());
		}
		return shape;
	}

	private static IrType floating(FloatType real, EObject at) {
		IrFloatType result = IR.createIrFloatType();
		IrFloatKind kind = switch (real.display()) {
		case "float16" -> IrFloatKind.F16;
		case "bfloat16" -> IrFloatKind.BF16;
		case "float32" -> IrFloatKind.F32;
		case "float64" -> IrFloatKind.F64;
		default -> throw unsupported(real, at);
		};
		result.setKind(kind);
		return result;
	}

	private static LoweringError unsupported(Type type, EObject at) {
		return new LoweringError(at, IssueCodes.LOWERING_UNSUPPORTED_TYPE,
				"the IR has no form for type '" + type.display() + "' yet; use a concrete int, fixed, float or tensor type");
	}
}
