package io.github.idempotentmigrations.test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.idempotentmigrations.test.state.LeafObjects;
import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * Every migration run by plain Flyway, then the database damaged the way adoption states
 * find it: no history, lost history rows, objects missing, or a script edited after it
 * ran. The starter must bring it back to what plain Flyway builds on an empty database
 * (the shadow replay answers these).
 */
final class MigratedThenDamaged implements StartingState {

	private final Damage damage;

	MigratedThenDamaged(Damage damage) {
		this.damage = damage;
	}

	@Override
	public Reached reach(Scenario scenario, TestDatabase database, Random random) {
		scenario.migrations().plainOn(database).load().migrate();
		Reached damaged = this.damage.apply(scenario, database, random);
		return new Reached("plain Flyway migrated everything, then " + damaged.description(), damaged.properties());
	}

	static Reached dropHistory(Scenario scenario, TestDatabase database, Random random) {
		database.execute("DROP TABLE " + scenario.migrations().historyTable().sql());
		return Reached.by("the history table was dropped (a dump restored without it, or a schema another tool built)");
	}

	static Reached loseHistoryRows(Scenario scenario, TestDatabase database, Random random) {
		String history = scenario.migrations().historyTable().sql();
		List<String> ranks = versionedHistory(database, history, "installed_rank", "");
		List<String> versions = versionedHistory(database, history, "version", "");
		int lost = 1 + random.nextInt(ranks.size());
		database.execute("DELETE FROM " + history + " WHERE installed_rank >= " + ranks.get(ranks.size() - lost));
		String lostVersions = String.join(",", versions.subList(versions.size() - lost, versions.size()));
		// The history is a fact: only the person who restored it can say those migrations
		// ran here.
		return new Reached(
				"the last " + lost + " history row(s) were deleted (an older copy of the history restored"
						+ " beside a newer schema), and the person who knows says so: assume-applied=" + lostVersions,
				Map.of("idempotent-migrations.repair.assume-applied", lostVersions));
	}

	static Reached editScript(Scenario scenario, TestDatabase database, Random random) {
		String history = scenario.migrations().historyTable().sql();
		List<String> versions = versionedHistory(database, history, "version", " AND checksum IS NOT NULL");
		String version = versions.get(random.nextInt(versions.size()));
		database.execute("UPDATE " + history + " SET checksum = checksum + 1 WHERE version = '"
				+ version.replace("'", "''") + "'");
		return Reached.by("migration " + version + " was edited after it ran: its recorded checksum no longer matches"
				+ " the script (an edit that leaves the schema as it is, such as a comment)");
	}

	/**
	 * One column of the versioned history rows (with {@code condition}), in installed
	 * order; never empty.
	 */
	private static List<String> versionedHistory(TestDatabase database, String history, String column,
			String condition) {
		List<String> values = Sql.column(database, "SELECT " + column + " FROM " + history
				+ " WHERE version IS NOT NULL" + condition + " ORDER BY installed_rank");
		if (values.isEmpty()) {
			throw new IllegalStateException("The history holds no versioned migration"
					+ (condition.isEmpty() ? "" : " of a SQL script") + " to damage");
		}
		return values;
	}

	static Reached dropHistoryAndObjects(Scenario scenario, TestDatabase database, Random random) {
		String dropped = dropHistory(scenario, database, random).description();
		StringBuilder text = new StringBuilder(dropped)
			.append("; then leaf objects (nothing depends on them, no row" + " is lost with them) were dropped:");
		// only in the migrations' own schemas (a tenant's, in a tenant layout): other
		// schemas are not theirs to lose
		List<String> schemas = List.of(scenario.migrations().source().getSchemas());
		LeafObjects.dropAFifth(database, random, schemas).forEach((drop) -> text.append("\n    ").append(drop));
		return Reached.by(text.toString());
	}

	/**
	 * One kind of damage; returns what it did, and what a person who knows it tells the
	 * starter.
	 */
	@FunctionalInterface
	interface Damage {

		Reached apply(Scenario scenario, TestDatabase database, Random random);

	}

}
