package org.allo.lang.estimate;

/**
 * One reason for a pipelined loop's initiation interval: what was asked for, a loop-carried
 * dependence (through a scalar or one array element), the ports of a memory's banks, a stream's
 * one read and one write per cycle, or a call that cannot overlap itself. {@code reason} names the
 * variable, array or callee and the arithmetic, so that the user knows what to change.
 */
public record IiLimit(Kind kind, int ii, String reason) {

	public enum Kind {
		REQUESTED, RECURRENCE, MEMORY, STREAM, CALL
	}
}
