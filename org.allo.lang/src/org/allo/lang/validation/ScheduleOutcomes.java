package org.allo.lang.validation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.allo.lang.schedule.ScheduleInputs.Location;

import com.google.inject.Singleton;

/**
 * What applying each schedule reported, kept across versions of its file under the digest of its
 * inputs ({@link org.allo.lang.schedule.ScheduleInputs}): in an editor, an edit then re-applies only
 * the schedules that the edited text reaches. Bounded, least recently used first out.
 */
@Singleton
public class ScheduleOutcomes {

	/** A refusal to report (at a location relative to the schedule's inputs), or none ({@code message} null). */
	public record Outcome(String message, String code, Location at) {

		static final Outcome NONE = new Outcome(null, null, null);
	}

	private static final int CAPACITY = 8192;

	private final Map<String, Outcome> outcomes = new LinkedHashMap<>(64, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Outcome> eldest) {
			return size() > CAPACITY;
		}
	};

	public synchronized Outcome get(String digest) {
		return outcomes.get(digest);
	}

	public synchronized void put(String digest, Outcome outcome) {
		outcomes.put(digest, outcome);
	}

	/** Forgets every outcome, as a new process would start (the check benchmark measures {@code allo check}'s work). */
	public synchronized void clear() {
		outcomes.clear();
	}
}
