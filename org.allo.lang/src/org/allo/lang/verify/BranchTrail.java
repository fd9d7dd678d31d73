package org.allo.lang.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.allo.lang.ir.IrType;
import org.allo.lang.ir.IrValue;

/**
 * Every write of the symbolic execution goes through here. Inside a branch on input data the old
 * value is recorded, so that the branch can be rolled back after its effects were collected: the
 * other branch then starts from the same state, and the executor merges both with select terms.
 */
final class BranchTrail {

	/** A place a branch can write: a variable (or buffer binding) of a frame, or a buffer element. */
	sealed interface Place permits VariablePlace, CellPlace {
		/** The type of the scalar held there (null for buffer bindings). */
		IrType type();
	}

	record VariablePlace(SymbolicExecutor.Frame frame, IrValue variable) implements Place {
		@Override
		public IrType type() {
			return variable.getType();
		}
	}

	record CellPlace(SymbolicTensor tensor, int offset) implements Place {
		@Override
		public IrType type() {
			return tensor.element;
		}
	}

	private record Entry(Place place, Object old) {
	}

	private final List<Entry> entries = new ArrayList<>();
	private int depth;

	boolean active() {
		return depth > 0;
	}

	/** Starts a branch; the mark to roll back to. */
	int begin() {
		depth++;
		return entries.size();
	}

	void end() {
		depth--;
	}

	void setVariable(SymbolicExecutor.Frame frame, IrValue variable, Object value) {
		write(new VariablePlace(frame, variable), value);
	}

	void setCell(SymbolicTensor tensor, int offset, int term) {
		write(new CellPlace(tensor, offset), term);
	}

	void write(Place place, Object value) {
		if (depth > 0) {
			entries.add(new Entry(place, read(place)));
		}
		if (place instanceof VariablePlace variable) {
			variable.frame().values.put(variable.variable(), value);
		} else if (place instanceof CellPlace cell) {
			cell.tensor().cells[cell.offset()] = (Integer) value;
		}
	}

	Object read(Place place) {
		if (place instanceof VariablePlace variable) {
			return variable.frame().values.get(variable.variable());
		}
		CellPlace cell = (CellPlace) place;
		return cell.tensor().cells[cell.offset()];
	}

	/** The values the branch left at each place it wrote, in first-write order; the state is restored to the mark. */
	Map<Place, Object> rollBack(int mark) {
		Map<Place, Object> written = new LinkedHashMap<>();
		for (int i = mark; i < entries.size(); i++) {
			written.putIfAbsent(entries.get(i).place(), null);
		}
		written.replaceAll((place, ignored) -> read(place));
		for (int i = entries.size() - 1; i >= mark; i--) {
			Entry entry = entries.remove(i);
			restore(entry.place(), entry.old());
		}
		return written;
	}

	private static void restore(Place place, Object old) {
		if (place instanceof VariablePlace variable) {
			if (old == null) {
				variable.frame().values.remove(variable.variable());
			} else {
				variable.frame().values.put(variable.variable(), old);
			}
		} else if (place instanceof CellPlace cell) {
			cell.tensor().cells[cell.offset()] = (Integer) old;
		}
	}
}
