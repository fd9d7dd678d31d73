package org.allo.lang.validation;

import java.util.ArrayList;
import java.util.List;

import org.allo.lang.allo.Expr;
import org.allo.lang.allo.ListExpr;
import org.allo.lang.scoping.Stdlib;
import org.allo.lang.types.Conversions;
import org.allo.lang.types.Dim;
import org.allo.lang.types.StreamType;
import org.allo.lang.types.TensorType;
import org.allo.lang.types.Type;
import org.allo.lang.types.TypeService;
import org.eclipse.emf.ecore.EObject;

import com.google.inject.Inject;

/**
 * The check every store shares (declaration, assignment, return, argument): tensors go to tensors
 * of the same shape, a scalar may fill a tensor, and a lossy implicit conversion gets a warning
 * whose issue data is the cast to insert.
 */
public abstract class StoreCheckingValidator extends CheckGroup {

	@Inject
	protected TypeService types;

	@Inject
	protected Conversions conversions;

	@Inject
	protected Stdlib stdlib;

	protected boolean inLibrary(EObject object) {
		return stdlib.isStdlib(object.eResource());
	}

	/**
	 * Checks storing {@code value} where {@code target} is expected; {@code what} names the place
	 * for messages ("'C'", "the return value", "argument A of gemm").
	 */
	protected void checkStore(Expr value, Type target, String what) {
		Type source = types.typeOf(value);
		if (!TypeValidator.isValue(target) || target instanceof StreamType) {
			return;
		}
		if (value instanceof ListExpr list && target instanceof TensorType tensor) {
			checkListShape(list, tensor, what);
			return;
		}
		if (!TypeValidator.isValue(source)) {
			return;
		}
		if (target instanceof TensorType tensor) {
			if (source instanceof TensorType given) {
				if (!tensor.shapeCompatibleWith(given)) {
					error(what + " expects " + tensor.display() + " but the value has type " + given.display()
							+ "; the shapes must match", value, null, IssueCodes.SHAPE_MISMATCH);
				} else {
					checkLoss(value, given.element(), tensor.element());
				}
			} else {
				checkLoss(value, source, tensor.element());
			}
		} else if (source instanceof TensorType given) {
			error(what + " expects a scalar " + target.display() + " but the value is the tensor " + given.display()
					+ "; index the tensor to read one element", value, null, IssueCodes.TYPE_MISMATCH);
		} else {
			checkLoss(value, source, target);
		}
	}

	private void checkLoss(Expr value, Type sourceElement, Type targetElement) {
		if (!sourceElement.isNumeric() || !targetElement.isNumeric()) {
			return;
		}
		String problem = conversions.lossProblem(value, targetElement);
		if (problem != null) {
			warning(problem, value, null, IssueCodes.LOSSY_CONVERSION, targetElement.display());
		}
	}

	private void checkListShape(ListExpr list, TensorType tensor, String what) {
		List<Long> given = listShape(list);
		if (given == null) {
			return;
		}
		List<Long> expected = new ArrayList<>();
		for (Dim dim : tensor.shape()) {
			if (!dim.isKnown()) {
				return;
			}
			expected.add(dim.size());
		}
		if (!given.equals(expected)) {
			error(what + " expects shape " + tensor.shapeText() + " but the list literal has shape " + given
					+ "; give one value per element", list, null, IssueCodes.SHAPE_MISMATCH);
		}
	}

	/** The dimensions of a rectangular nested list literal; null when it is ragged. */
	private static List<Long> listShape(ListExpr list) {
		List<Long> shape = new ArrayList<>();
		shape.add((long) list.getElements().size());
		List<Long> inner = null;
		for (Expr element : list.getElements()) {
			List<Long> elementShape = element instanceof ListExpr nested ? listShape(nested) : List.of();
			if (elementShape == null || inner != null && !inner.equals(elementShape)) {
				return null;
			}
			inner = elementShape;
		}
		if (inner != null) {
			shape.addAll(inner);
		}
		return shape;
	}
}
