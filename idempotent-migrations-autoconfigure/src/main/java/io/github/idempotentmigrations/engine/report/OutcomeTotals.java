package io.github.idempotentmigrations.engine.report;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Counts statement outcomes, every outcome present (zero when none). */
final class OutcomeTotals {

	private OutcomeTotals() {
	}

	static Map<Outcome, Integer> of(Collection<StatementResult> statements) {
		Map<Outcome, Integer> totals = new EnumMap<>(Outcome.class);
		for (Outcome outcome : Outcome.values()) {
			totals.put(outcome, 0);
		}
		statements.forEach((s) -> totals.merge(s.outcome(), 1, Integer::sum));
		return Collections.unmodifiableMap(totals);
	}

}
