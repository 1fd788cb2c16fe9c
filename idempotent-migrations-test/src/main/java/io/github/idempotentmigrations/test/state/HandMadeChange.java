package io.github.idempotentmigrations.test.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * Objects created by hand before a migration runs, as a hot-fix or another tool would: a
 * seeded random subset of what the migration adds, with everything each one needs,
 * created in dependency order. An object PostgreSQL refuses (e.g. an index whose table
 * was left out) is rolled back alone and left to the migration.
 *
 * @param created the objects that now exist, in creation order
 * @param refused objects left out because PostgreSQL refused them, with its message
 */
public record HandMadeChange(List<HandMadeObject> created, List<String> refused) {

	/**
	 * Picks each added object with probability one half (at least one) and creates it and
	 * its requirements.
	 */
	public static HandMadeChange create(TestDatabase database, List<HandMadeObject> added, Random random,
			Optional<HandMadeObject> differing) {
		Set<HandMadeObject> picked = new LinkedHashSet<>();
		for (HandMadeObject object : added) {
			if (random.nextBoolean()) {
				picked.add(object);
			}
		}
		if (picked.isEmpty()) {
			picked.add(added.get(random.nextInt(added.size())));
		}
		differing.ifPresent(picked::add);
		List<HandMadeObject> ordered = withRequirements(picked, added);
		differing
			.ifPresent((object) -> ordered.replaceAll((o) -> o.key().equals(object.key()) ? object.differing() : o));
		return execute(database, ordered);
	}

	private static List<HandMadeObject> withRequirements(Set<HandMadeObject> picked, List<HandMadeObject> added) {
		Map<String, HandMadeObject> byKey = added.stream()
			.collect(Collectors.toMap(HandMadeObject::key, Function.identity(), (a, b) -> a));
		Set<HandMadeObject> closed = new LinkedHashSet<>();
		Deque<HandMadeObject> pending = new ArrayDeque<>(picked);
		while (!pending.isEmpty()) {
			HandMadeObject object = pending.pop();
			if (closed.add(object)) {
				object.requires().stream().map(byKey::get).filter(Objects::nonNull).forEach(pending::push);
			}
		}
		// the order of `added`: by phase, then catalog order
		return new ArrayList<>(added.stream().filter(closed::contains).toList());
	}

	private static HandMadeChange execute(TestDatabase database, List<HandMadeObject> objects) {
		List<HandMadeObject> created = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			for (HandMadeObject object : objects) {
				Savepoint savepoint = connection.setSavepoint();
				try {
					statement.execute(object.ddl());
					created.add(object);
				}
				catch (SQLException ex) {
					connection.rollback(savepoint);
					refused.add(object + ": " + ex.getMessage());
				}
			}
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create objects by hand on " + database.name(), ex);
		}
		return new HandMadeChange(created, refused);
	}

	public String describe() {
		return this.created.size() + " created by hand: " + this.created.stream().map(HandMadeObject::toString).toList()
				+ (this.refused.isEmpty() ? "" : "; refused and left to the migration: " + this.refused);
	}
}
