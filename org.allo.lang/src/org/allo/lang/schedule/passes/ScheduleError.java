package org.allo.lang.schedule.passes;

import org.eclipse.emf.ecore.EObject;

/**
 * A step refused by its legality check: located at the schedule argument (or call) it is about,
 * with a stable code from {@code IssueCodes} and a message that says what to do instead.
 */
public final class ScheduleError extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient EObject at;
	private final String code;

	public ScheduleError(EObject at, String code, String message) {
		super(message);
		this.at = at;
		this.code = code;
	}

	public EObject at() {
		return at;
	}

	public String code() {
		return code;
	}
}
