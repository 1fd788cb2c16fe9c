package io.github.idempotentmigrations.actuate;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.idempotentmigrations.engine.report.Outcome;

/**
 * Outcome totals keyed the way they appear in JSON: lower-case outcome names, in the
 * enum's order.
 */
final class OutcomeCounts {

	private OutcomeCounts() {
	}

	static Map<String, Integer> of(Map<Outcome, Integer> totals) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Outcome outcome : Outcome.values()) {
			counts.put(outcome.name().toLowerCase(Locale.ROOT), totals.getOrDefault(outcome, 0));
		}
		return counts;
	}

}
