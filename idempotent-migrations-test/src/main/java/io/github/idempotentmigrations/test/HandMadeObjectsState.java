package io.github.idempotentmigrations.test;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import io.github.idempotentmigrations.test.state.CatalogObjects;
import io.github.idempotentmigrations.test.state.HandMadeChange;
import io.github.idempotentmigrations.test.state.HandMadeObject;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Plain Flyway up to the migration before a seeded cut point (never the first migration:
 * the history must exist for a migration to be pending); then about half of what the cut
 * point's migration adds (never nothing, when it adds anything), with what each object
 * needs, is created by hand ({@link HandMadeChange}), with PostgreSQL's own definitions
 * read from a scratch database migrated through the cut point.
 */
final class HandMadeObjectsState implements StartingState {

	@Override
	public Reached reach(Scenario scenario, TestDatabase database, Random random) {
		List<MigrationVersion> versions = scenario.versions();
		if (versions.size() < 2) {
			throw new IllegalStateException("This state needs two versioned migrations: with the first one pending"
					+ " there is no history yet, and objects made by hand then are NO_HISTORY_OBJECTS_MISSING");
		}
		int cut = 1 + random.nextInt(versions.size() - 1);
		MigrationVersion previous = versions.get(cut - 1);
		scenario.plainUpTo(database, previous);
		List<HandMadeObject> added;
		try (TestDatabase scratch = TestDatabase.create()) {
			// both catalogs from one database: an object is known by its oid too, so a
			// renamed one is not new
			scenario.plainUpTo(scratch, previous);
			CatalogObjects before = CatalogObjects.of(scratch);
			scenario.plainUpTo(scratch, versions.get(cut));
			added = CatalogObjects.of(scratch).addedSince(before);
		}
		StringBuilder text = new StringBuilder("plain Flyway migrated up to ").append(previous)
			.append("; migration ")
			.append(versions.get(cut))
			.append(" adds ")
			.append(added.size())
			.append(" object(s)");
		if (!added.isEmpty()) {
			HandMadeChange change = HandMadeChange.create(database, added, random, Optional.empty());
			change.created().forEach((object) -> text.append("\n    by hand: ").append(object.ddl().strip()));
			// an object PostgreSQL refused (an index on a column left to the migration)
			// is the migration's to create
			change.refused().forEach((refused) -> text.append("\n    (not created: ").append(refused).append(')'));
		}
		return Reached.by(text.toString());
	}

}
