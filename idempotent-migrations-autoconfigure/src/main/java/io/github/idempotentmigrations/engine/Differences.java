package io.github.idempotentmigrations.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Expected and found definitions collected while comparing one object, reported together
 * as one conflict.
 */
final class Differences {

	private final List<String> expected = new ArrayList<>();

	private final List<String> found = new ArrayList<>();

	void add(String expected, String found) {
		this.expected.add(expected);
		this.found.add(found);
	}

	boolean isEmpty() {
		return this.expected.isEmpty();
	}

	Verdict conflict(Object object, String reason) {
		return Verdict.conflict(object, reason, String.join("; ", this.expected), String.join("; ", this.found));
	}

}
